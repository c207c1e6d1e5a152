/**
 * The SQL that turns a file's raw text columns into an entity's typed columns, with one reason per bad cell.
 *
 * Input: a DuckDB table with `_line` and one VARCHAR column per header of the file. Output (`typedRowsSql`): one
 * row per input row with `_line`, `_extra` (headers the contract does not know, as JSON, or NULL), every contract column typed (see
 * `contracts.ts`), and `_reason`: '' for a good row, else every problem of the row, `; `-separated, e.g.
 * `created_at: "31/02/2026" is not a date/time (%d/%m/%Y, or ISO 8601); rating: 6 is outside 1..5`.
 *
 * Only configuration (header names, strptime formats, the time zone, constants) is spliced in, quoted; the data
 * never leaves DuckDB.
 */
import { sqlIdentifier as id, sqlLiteral as lit } from '../../core/duckdb.ts';
import { ISO_4217_CODES } from './iso4217.ts';
import type { ColumnContract, EntityContract } from './contracts.ts';
import type { MappingRule } from './config.ts';

export interface ColumnPlan {
  /** Contract column -> header of the file it comes from. */
  sources: Map<string, string>;
  /** Headers the contract does not know (kept in `_extra`). */
  extras: string[];
  /** Required contract columns neither in the file nor given as constants. */
  missing: string[];
  /** Headers mapped to a column another header already fills. */
  conflicts: string[];
}

/** `Review ID` / `review-id` / `REVIEW_ID` -> `review_id`. */
const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s\-.]+/g, '_');

/** Which header fills which contract column: the rule's `columns` first, then headers named like the contract. */
export function planColumns(contract: EntityContract, rule: MappingRule, headers: string[]): ColumnPlan {
  const names = new Set(contract.columns.map((c) => c.name));
  const renames = new Map(Object.entries(rule.columns).map(([from, to]) => [from.trim().toLowerCase(), to]));
  const sources = new Map<string, string>();
  const extras: string[] = [];
  const conflicts: string[] = [];
  for (const header of headers) {
    const target = renames.get(header.trim().toLowerCase()) ?? (names.has(normalise(header)) ? normalise(header) : undefined);
    if (!target) extras.push(header);
    else if (sources.has(target)) conflicts.push(`"${header}" and "${sources.get(target)}" both map to ${target}`);
    else sources.set(target, header);
  }
  const missing = contract.columns
    .filter((c) => c.required && !sources.has(c.name) && rule.constants[c.name] === undefined)
    .map((c) => c.name);
  return { sources, extras, missing, conflicts };
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', '是', 'ja', 'oui', 'si', 'sí', 'vrai'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', '否', 'nein', 'non', 'faux'];
const list = (values: string[]) => values.map(lit).join(', ');

function formats(rule: MappingRule): string[] {
  return rule.date_format === undefined ? [] : Array.isArray(rule.date_format) ? rule.date_format : [rule.date_format];
}

/** Typed value of text expression `x` (NULL when it does not parse). */
function typedExpr(column: ColumnContract, x: string, rule: MappingRule): string {
  switch (column.type) {
    case 'text':
      return column.values ? `case when lower(${x}) in (${list(column.values)}) then lower(${x}) end` : x;
    case 'integer':
      return `case when regexp_full_match(${x}, '[-+]?\\d+(\\.0+)?') then try_cast(split_part(${x}, '.', 1) as bigint) end`;
    case 'decimal': {
      const s = `replace(replace(${x}, ' ', ''), chr(160), '')`;
      const normalised = rule.decimal_comma
        ? `case when regexp_full_match(${s}, '[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?') then replace(replace(${s}, '.', ''), ',', '.') ` +
          `when regexp_full_match(${s}, '[-+]?\\d*(,\\d+)?') then replace(${s}, ',', '.') end`
        : `case when regexp_full_match(${s}, '[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?') then replace(${s}, ',', '') ` +
          `when regexp_full_match(${s}, '[-+]?\\d*(\\.\\d+)?') then ${s} end`;
      return `try_cast(${normalised} as decimal(18,4))`;
    }
    case 'timestamp': {
      // A zone-less local time becomes UTC through the rule's zone (skipped when that zone is UTC: it is one).
      const toUtc = (local: string) => (rule.time_zone === 'UTC' ? local : `timezone('UTC', timezone(${lit(rule.time_zone)}, ${local}))`);
      const zoned = formats(rule).filter((f) => /%[zZ]/.test(f));
      const naive = formats(rule).filter((f) => !/%[zZ]/.test(f));
      const tries: string[] = [];
      if (zoned.length > 0) tries.push(`timezone('UTC', try_strptime(${x}, [${list(zoned)}]))`);
      if (naive.length > 0) tries.push(toUtc(`try_strptime(${x}, [${list(naive)}])`));
      tries.push(`case when regexp_matches(${x}, '(Z|[+-]\\d\\d:?\\d\\d)$') then timezone('UTC', try_cast(${x} as timestamptz)) end`);
      tries.push(toUtc(`try_cast(${x} as timestamp)`));
      return `coalesce(${tries.join(', ')})`;
    }
    case 'boolean':
      return `case when lower(${x}) in (${list(TRUE_WORDS)}) then true when lower(${x}) in (${list(FALSE_WORDS)}) then false end`;
    case 'currency':
      return `case when upper(${x}) in (${list(ISO_4217_CODES)}) then upper(${x}) end`;
    case 'country':
      return `case when regexp_full_match(upper(${x}), '[A-Z]{2}') then upper(${x}) end`;
  }
}

function expectation(column: ColumnContract, rule: MappingRule): string {
  switch (column.type) {
    case 'integer':
      return 'a whole number';
    case 'decimal':
      return rule.decimal_comma ? 'a decimal number (with a decimal comma)' : 'a decimal number';
    case 'timestamp':
      return `a date/time (${[...formats(rule), 'ISO 8601'].join(', or ')})`;
    case 'boolean':
      return 'true/false';
    case 'currency':
      return 'an ISO 4217 currency code';
    case 'country':
      return 'a two-letter country code (ISO 3166-1)';
    default:
      return column.values ? `one of ${column.values.join(', ')}` : 'text';
  }
}

/** The raw row as a JSON object under the file's own headers (the quarantine's payload). */
export function payloadSql(headers: string[], alias: string): string {
  return headers.length > 0 ? `to_json(struct_pack(${headers.map((h) => `${id(h)} := ${alias}.${id(h)}`).join(', ')}))` : `'{}'::json`;
}

/**
 * Select over `rawTable` giving the typed rows (see the module doc). `plan` must have no `missing` columns.
 */
export function typedRowsSql(contract: EntityContract, rule: MappingRule, rawTable: string, headers: string[], plan: ColumnPlan): string {
  const text = contract.columns.map((column) => {
    const header = plan.sources.get(column.name);
    const fromFile = header !== undefined ? `nullif(trim(raw.${id(header)}), '')` : 'null';
    const constant = rule.constants[column.name];
    const expr = constant !== undefined ? `coalesce(${fromFile}, ${lit(constant)})` : fromFile;
    return `cast(${expr} as varchar) as ${id(`${column.name}__text`)}`;
  });
  const struct = (cols: string[]) => `to_json(struct_pack(${cols.map((h) => `${id(h)} := raw.${id(h)}`).join(', ')}))`;
  const textCols = [
    'raw._line as _line',
    `${plan.extras.length > 0 ? struct(plan.extras) : 'null::json'} as _extra`,
    ...text,
  ];
  const typed = contract.columns.map((column) => `${typedExpr(column, id(`${column.name}__text`), rule)} as ${id(column.name)}`);
  const reasons: string[] = [];
  for (const column of contract.columns) {
    const x = `typed.${id(`${column.name}__text`)}`;
    const t = `typed.${id(column.name)}`;
    if (column.required) reasons.push(`case when ${x} is null then ${lit(`${column.name}: required value missing`)} end`);
    if (column.type !== 'text' || column.values) {
      reasons.push(
        `case when ${x} is not null and ${t} is null then ${lit(`${column.name}: "`)} || left(${x}, 60) || ${lit(`" is not ${expectation(column, rule)}`)} end`,
      );
    }
    if (column.min !== undefined || column.max !== undefined) {
      const lo = column.min ?? -Infinity;
      const hi = column.max ?? Infinity;
      const bounds = [column.min !== undefined ? `${t} < ${column.min}` : null, column.max !== undefined ? `${t} > ${column.max}` : null]
        .filter(Boolean)
        .join(' or ');
      const range = Number.isFinite(lo) && Number.isFinite(hi) ? `outside ${lo}..${hi}` : Number.isFinite(lo) ? `below ${lo}` : `above ${hi}`;
      reasons.push(`case when ${bounds} then ${lit(`${column.name}: `)} || ${t} || ${lit(` is ${range}`)} end`);
    }
    if (column.type === 'timestamp' && !column.future) {
      // more than a day after the load: a typo in the year, or day and month swapped
      reasons.push(
        `case when ${t} > timezone('UTC', now()) + interval 1 day then ${lit(`${column.name}: `)} || strftime(${t}, '%Y-%m-%d %H:%M') || ${lit(' (UTC) is in the future')} end`,
      );
    }
  }
  // A key repeated inside the file: rows after its first line are bad (a hash aggregate, cheaper than a window).
  const key = contract.key.map(id).join(', ');
  const keyNotNull = contract.key.map((k) => `${id(k)} is not null`).join(' and ');
  const keyJoin = contract.key.map((k) => `typed.${id(k)} = duplicate_keys.${id(k)}`).join(' and ');
  reasons.push(
    `case when typed._line > duplicate_keys.first_line ` +
      `then ${lit(`duplicate key (${contract.key.join(', ')}): the same as on line `)} || duplicate_keys.first_line end`,
  );
  const qualified = (name: string) => `typed.${id(name)}`;
  return [
    `with texts as (select ${textCols.join(', ')} from ${rawTable} as raw),`,
    `typed as (select _line, _extra, ${typed.join(', ')}, ${contract.columns.map((c) => id(`${c.name}__text`)).join(', ')} from texts),`,
    `duplicate_keys as (select ${key}, min(_line) as first_line from typed where ${keyNotNull} group by ${key} having count(*) > 1)`,
    `select typed._line, typed._extra, ${contract.columns.map((c) => `${qualified(c.name)} as ${id(c.name)}`).join(', ')}, ` +
      `concat_ws('; ', ${reasons.join(', ')}) as _reason`,
    `from typed left join duplicate_keys on ${keyJoin}`,
  ].join('\n');
}
