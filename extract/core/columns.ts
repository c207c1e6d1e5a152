/**
 * Lake column types derived from a stream's zod schema: top-level scalars become typed columns, nested objects
 * and arrays become DuckDB JSON columns (staging unpacks them). Timestamps stay text in the lake, exactly as
 * the source sent them; staging casts them to UTC.
 */
import { z } from 'zod';

export interface LakeColumn {
  name: string;
  type: 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'JSON' | 'TIMESTAMP';
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[] };

function columnType(schema: JsonSchema): LakeColumn['type'] {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const nonNull = variants.filter((v) => v.type !== 'null');
    return nonNull.length === 1 ? columnType(nonNull[0]!) : 'JSON';
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => t && t !== 'null');
  if (types.length !== 1) return 'JSON';
  switch (types[0]) {
    case 'integer':
      return 'BIGINT';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'string':
      return 'VARCHAR';
    default:
      return 'JSON';
  }
}

/** Columns of the stream's declared fields, in schema order. */
export function lakeColumns(schema: z.ZodObject): LakeColumn[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({ name, type: columnType(prop) }));
}

/** Columns the lake writer adds to every row. */
export const METADATA_COLUMNS: LakeColumn[] = [
  { name: '_extra', type: 'JSON' },
  { name: '_load_id', type: 'VARCHAR' },
  { name: '_extracted_at', type: 'TIMESTAMP' },
];
