/**
 * Settings of the file-export source, from the environment (validated with zod, like extract/core/config.ts):
 * - `CSW_FILES_DIR`: the drop folder (default `<CSW_DATA_DIR>/inbox`, created when missing; relative paths against
 *   the project root). Read
 *   recursively; hidden files, Office lock files (`~$...`) and files of other types are ignored.
 * - `CSW_FILES_MAPPING`: optional JSON file of mapping rules (format below; example in `examples/mapping.json`).
 *
 * Mapping file: `{ "files": [rule, ...] }`. The first rule whose `match` glob matches a file's path inside the drop
 * folder (`/`-separated, case-insensitive; a pattern without `/` matches the file name in any folder; `*` does
 * not cross `/`, `**` does) decides how it is read. A file no rule matches is read with the defaults when its
 * name starts with an entity name (`reviews-2026-11.csv`, `Messages_export.ndjson`), else it is quarantined.
 * Rule fields: see `ruleSchema`. YAML is not accepted: the project ships no YAML parser, and JSON keeps Chinese
 * or other non-ASCII header names exact.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { optional, PROJECT_ROOT } from '../../core/config.ts';
import { UserError } from '../../core/errors.ts';
import { contractOf, ENTITY_NAMES } from './contracts.ts';

export type FileFormat = 'csv' | 'tsv' | 'ndjson' | 'xlsx';

/** File extensions the source picks up, and the format each means unless a rule says otherwise. */
export const EXTENSION_FORMATS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.txt': 'tsv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xlsx': 'xlsx',
};

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const oneChar = z.string().refine((s) => s.length === 1 && s.charCodeAt(0) < 128, 'use one ASCII character');

export const ruleSchema = z
  .strictObject({
    /** Glob on the path inside the drop folder, e.g. `amazon/**\/reviews*.csv` or `*退货*.xlsx`. */
    match: z.string().min(1),
    /** reviews | returns | orders | conversations | messages */
    entity: z.string().refine((e) => contractOf(e) !== undefined, { message: `use one of ${ENTITY_NAMES.join(', ')}` }),
    /** Default: from the extension (.csv; .tsv/.tab/.txt; .ndjson/.jsonl; .xlsx). */
    format: z.enum(['csv', 'tsv', 'ndjson', 'xlsx']).optional(),
    /** `auto` (default): a UTF-16 byte-order mark -> UTF-16; valid UTF-8 (BOM or not) -> UTF-8; else GB18030 (a superset of GBK). Or any iconv-lite name: `gbk`, `gb18030`, `big5`, `shift_jis`, `windows-1252`, ... */
    encoding: z.string().default('auto'),
    /** Field separator (CSV default `,`, TSV default tab). */
    delimiter: oneChar.optional(),
    /** Quote character; `""` for none (TSV default: none, since marketplace TSVs carry bare `"` in text). */
    quote: z.union([oneChar, z.literal('')]).optional(),
    /** Escape character inside quotes (default: the quote itself, i.e. `""`). */
    escape: oneChar.optional(),
    /** 1-based line (XLSX: row) of the header; lines above it are skipped. */
    header_row: z.number().int().positive().default(1),
    /** XLSX sheet name (default: the first sheet). */
    sheet: z.string().optional(),
    /** strptime format(s) for timestamps, tried in order before ISO 8601: `%d/%m/%Y %H:%M`, `%Y年%m月%d日`, `%d.%m.%Y`. */
    date_format: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** IANA zone of timestamps written without an offset (default UTC). */
    time_zone: z
      .string()
      .refine(validTimeZone, 'use an IANA time zone such as Asia/Shanghai or Europe/Berlin')
      .default('UTC'),
    /** `1.234,50` / `12,5` style decimals. */
    decimal_comma: z.boolean().default(false),
    /** Header in the file -> canonical column. Headers already named like the contract need no entry. */
    columns: z.record(z.string(), z.string()).default({}),
    /** Canonical column -> value used where the file has no such column or the cell is empty (e.g. platform). */
    constants: z.record(z.string(), z.string()).default({}),
  })
  .superRefine((rule, ctx) => {
    const contract = contractOf(rule.entity);
    if (!contract) return;
    const names = new Set(contract.columns.map((c) => c.name));
    for (const [from, to] of Object.entries(rule.columns)) {
      if (!names.has(to)) ctx.addIssue({ code: 'custom', path: ['columns', from], message: `${to} is not a ${rule.entity} column` });
    }
    for (const name of Object.keys(rule.constants)) {
      if (!names.has(name)) ctx.addIssue({ code: 'custom', path: ['constants', name], message: `${name} is not a ${rule.entity} column` });
    }
  });

export type MappingRule = z.infer<typeof ruleSchema>;

export const mappingSchema = z.strictObject({ files: z.array(ruleSchema) });
export type Mapping = z.infer<typeof mappingSchema>;

const envSchema = z.object({
  CSW_FILES_DIR: optional(z.string()),
  CSW_FILES_MAPPING: optional(z.string()),
});

export interface FilesSettings {
  /** Absolute path of the drop folder. */
  dir: string;
  /** Absolute path of the mapping file, when set. */
  mappingPath?: string;
  mapping: Mapping;
}

const absolute = (path: string) => (isAbsolute(path) ? path : join(PROJECT_ROOT, path));

/** Parses a mapping document; throws a UserError naming each bad field. */
export function parseMapping(text: string, origin: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`The file mapping ${origin} is not valid JSON (${(error as Error).message}): fix it (see extract/sources/files/examples/mapping.json).`);
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new UserError(`The file mapping ${origin} is invalid: ${problems}. Fix it (see docs/sources/files.md).`);
  }
  return parsed.data;
}

/** The file source's settings; `dataDir` (CSW_DATA_DIR) holds the default drop folder `inbox/`. */
export function loadFilesSettings(env: NodeJS.ProcessEnv = process.env, dataDir = absolute('data')): FilesSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new UserError(`Invalid file-source settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  }
  const dir = parsed.data.CSW_FILES_DIR ? absolute(parsed.data.CSW_FILES_DIR) : join(dataDir, 'inbox');
  // The default drop folder is the project's own: make it, so a first run with no exports yet finds it empty.
  if (!parsed.data.CSW_FILES_DIR) mkdirSync(dir, { recursive: true });
  if (!parsed.data.CSW_FILES_MAPPING) return { dir, mapping: { files: [] } };
  const mappingPath = absolute(parsed.data.CSW_FILES_MAPPING);
  if (['.yaml', '.yml'].includes(extname(mappingPath).toLowerCase())) {
    throw new UserError(`CSW_FILES_MAPPING points to a YAML file (${mappingPath}); write the mapping as JSON (see extract/sources/files/examples/mapping.json).`);
  }
  let text: string;
  try {
    text = readFileSync(mappingPath, 'utf8');
  } catch {
    throw new UserError(`CSW_FILES_MAPPING points to ${mappingPath}, which cannot be read: fix the path or unset it.`);
  }
  return { dir, mappingPath, mapping: parseMapping(text, mappingPath) };
}

/** Glob (`*`, `**`, `?`) to a case-insensitive regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

export interface ResolvedRule {
  rule: MappingRule;
  format: FileFormat;
  /** Fingerprint of the rule: a file is read again when the rule that reads it changes. */
  fingerprint: string;
  /** Which rule: `mapping rule 2 (amazon/*.csv)` or `default rule for reviews`. */
  origin: string;
}

/** The rule that reads `relPath`, or a sentence saying why there is none. */
export function resolveRule(mapping: Mapping, relPath: string): ResolvedRule | { error: string } {
  const ext = extname(relPath).toLowerCase();
  const base = relPath.split('/').pop()!;
  let rule: MappingRule | undefined;
  let origin = '';
  for (const [i, candidate] of mapping.files.entries()) {
    const target = candidate.match.includes('/') ? relPath : base;
    if (globToRegExp(candidate.match).test(target)) {
      rule = candidate;
      origin = `mapping rule ${i + 1} (${candidate.match})`;
      break;
    }
  }
  if (!rule) {
    const entity = ENTITY_NAMES.find((name) => base.toLowerCase().startsWith(name));
    if (!entity) {
      return {
        error: `no mapping rule matches ${relPath} and its name does not start with an entity name (${ENTITY_NAMES.join(', ')}): add a rule to CSW_FILES_MAPPING`,
      };
    }
    rule = ruleSchema.parse({ match: base, entity });
    origin = `default rule for ${entity}`;
  }
  const format = rule.format ?? EXTENSION_FORMATS[ext];
  if (!format) return { error: `${relPath}: unknown file type ${ext || '(none)'}: set "format" in its mapping rule` };
  const fingerprint = createHash('sha256').update(JSON.stringify({ rule, format })).digest('hex').slice(0, 16);
  return { rule, format, fingerprint, origin };
}
