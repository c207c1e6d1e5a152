/**
 * The column contract of every entity the file-export source loads: canonical column names, their types, which
 * are required and which form the key. A file's columns are renamed to these names by the mapping config
 * (`mapping.ts`); cells are then cast to these types in DuckDB (`file-sql.ts`). docs/sources/files.md shows the
 * same tables for users; keep the two in step.
 *
 * Types (how a cell is read; an empty cell is NULL):
 * - `text`: as written, trimmed; with `values`, lower-cased and one of them (anything else is a bad row).
 * - `integer`: whole number; `min`/`max` bound it (a rating of 6 is a bad row, not a clamped one).
 * - `decimal`: a decimal amount, `1234.5` or `1,234.50` (or `1.234,50` / `12,5` with `decimal_comma`), landed
 *   as DECIMAL(18,4).
 * - `timestamp`: parsed with the rule's `date_format`s (strptime, e.g. `%d/%m/%Y %H:%M`, `%Y年%m月%d日`), then
 *   ISO 8601; a value without an offset is local time in the rule's `time_zone`. Landed in UTC (TIMESTAMP).
 * - `boolean`: true/false, yes/no, y/n, 1/0, 是/否 (any case).
 * - `currency`: an active ISO 4217 code (iso4217.ts), upper-cased (`eur` -> `EUR`; `€`, `EURO` or `RMB` is a bad row).
 *
 * Every `timestamp` more than a day after the load is a bad row (a date typed wrong, or day and month swapped),
 * except where `future` allows it (a promised delivery).
 * - `country`: two-letter ISO 3166-1 code, upper-cased.
 *
 * The `reviews` contract has the columns of the demo's marketplace review export (`schemas.ts`, stream
 * `demo.reviews`), so one staging shape serves both.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'timestamp' | 'boolean' | 'currency' | 'country';

export interface ColumnContract {
  name: string;
  type: ColumnType;
  required?: boolean;
  min?: number;
  max?: number;
  /** For `timestamp`: a time after the load is valid (by default more than a day ahead is a bad row). */
  future?: boolean;
  /** For `text`: the only values accepted (lower case); a cell is compared lower-cased. */
  values?: string[];
  description: string;
}

export interface EntityContract {
  /** Lake stream: `data/lake/raw/files/<entity>/`. */
  entity: string;
  description: string;
  /** Columns that identify a row (each required); a key repeated inside one file sends the later rows to quarantine. */
  key: string[];
  columns: ColumnContract[];
}

const col = (name: string, type: ColumnType, description: string, extra: Partial<ColumnContract> = {}): ColumnContract => ({
  name,
  type,
  description,
  ...extra,
});
const req = { required: true };
/** A money amount of one order line or refund: negative is a sign error, above a million a unit or decimal error. */
const AMOUNT = { min: 0, max: 1_000_000 };

export const ENTITY_CONTRACTS: EntityContract[] = [
  {
    entity: 'reviews',
    description: 'Marketplace review exports (Amazon, eBay, Trustpilot, a review app): one row per review.',
    key: ['platform', 'review_id'],
    columns: [
      col('review_id', 'text', "The marketplace's review id.", req),
      col('platform', 'text', 'amazon | ebay | trustpilot | shopify | ... (often a constant in the mapping).', req),
      col('marketplace_country', 'country', 'Country of the marketplace the review was left on (DE, US, JP, ...).', req),
      col('order_number', 'text', 'Order the review is about, when the export has it.'),
      col('product_sku', 'text', 'SKU (or ASIN) of the reviewed product.'),
      col('rating', 'integer', 'Stars, 1 to 5.', { required: true, min: 1, max: 5 }),
      col('title', 'text', 'Review title.'),
      col('body', 'text', 'Review text.'),
      col('language', 'text', 'BCP 47 language tag of the text (de, ja, zh-CN), when known.'),
      col('reviewer_name', 'text', "Reviewer's public name."),
      col('verified_purchase', 'boolean', 'Verified purchase flag.'),
      col('created_at', 'timestamp', 'When the review was posted.', req),
    ],
  },
  {
    entity: 'returns',
    description: 'Marketplace return reports (Amazon FBA/FBM returns, eBay returns): one row per returned product of a return.',
    key: ['platform', 'return_id', 'product_sku'],
    columns: [
      col('return_id', 'text', 'Return (RMA) id.', req),
      col('platform', 'text', 'Marketplace or store.', req),
      col('order_number', 'text', 'Order the return belongs to.', req),
      col('product_sku', 'text', 'Returned product SKU.', req),
      col('marketplace_country', 'country', 'Marketplace country.'),
      col('quantity', 'integer', 'Units returned (0 to 10,000).', { min: 0, max: 10_000 }),
      col('return_reason', 'text', "Reason as the marketplace gives it (its code or text)."),
      col('customer_comment', 'text', "Customer's comment."),
      col('status', 'text', 'Return status as exported.'),
      col('requested_at', 'timestamp', 'When the return was requested.', req),
      col('refunded_at', 'timestamp', 'When the refund was issued.'),
      col('refund_amount', 'decimal', 'Refunded amount (0 to 1,000,000).', AMOUNT),
      col('refund_currency', 'currency', 'Currency of refund_amount.'),
    ],
  },
  {
    entity: 'orders',
    description: 'Orders from other platforms (marketplace order reports): one row per order line (product of an order).',
    key: ['platform', 'order_number', 'product_sku'],
    columns: [
      col('order_number', 'text', 'Order number as the platform shows it.', req),
      col('platform', 'text', 'Marketplace or store.', req),
      col('product_sku', 'text', 'SKU of the ordered product.', req),
      col('marketplace_country', 'country', 'Marketplace country.'),
      col('ship_country', 'country', 'Destination country.'),
      col('created_at', 'timestamp', 'When the order was placed.', req),
      col('quantity', 'integer', 'Units ordered (0 to 10,000).', { min: 0, max: 10_000 }),
      col('item_price', 'decimal', 'Price of the line (all units), in currency (0 to 1,000,000).', AMOUNT),
      col('currency', 'currency', 'Currency of the amounts.', req),
      col('order_status', 'text', 'Order status as exported.'),
      col('customer_email', 'text', "Buyer's e-mail (often an anonymised marketplace relay address)."),
      col('customer_name', 'text', "Buyer's name."),
      col('shipped_at', 'timestamp', 'When the line shipped.'),
      col('promised_delivery_at', 'timestamp', 'Latest promised delivery (may be in the future).', { future: true }),
      col('delivered_at', 'timestamp', 'When it was delivered.'),
      col('carrier', 'text', 'Carrier.'),
      col('tracking_number', 'text', 'Tracking number.'),
    ],
  },
  {
    entity: 'conversations',
    description: 'Conversations (tickets) exported from other helpdesks (Freshdesk, Gorgias, Help Scout, ...): one row per conversation.',
    key: ['helpdesk', 'conversation_id'],
    columns: [
      col('conversation_id', 'text', "The helpdesk's ticket or conversation id.", req),
      col('helpdesk', 'text', 'Which tool it came from (freshdesk, gorgias, ...; often a constant).', req),
      col('created_at', 'timestamp', 'When the conversation was opened.', req),
      col('channel', 'text', 'email | chat | phone | marketplace_message | ...'),
      col('status', 'text', 'Status as exported.'),
      col('subject', 'text', 'Subject.'),
      col('customer_email', 'text', "Customer's e-mail."),
      col('customer_name', 'text', "Customer's name."),
      col('order_number', 'text', 'Order number, when the tool has a field for it.'),
      col('marketplace_country', 'country', 'Market of the customer or store.'),
      col('language', 'text', 'BCP 47 language tag.'),
      col('assignee', 'text', 'Assigned agent.'),
      col('tags', 'text', 'Tags as one text (the export\'s own separator).'),
      col('updated_at', 'timestamp', 'Last update.'),
      col('solved_at', 'timestamp', 'When it was (last) solved.'),
      col('csat_rating', 'integer', 'Satisfaction rating, 1 to 5 stars (other scales: convert before loading).', { min: 1, max: 5 }),
    ],
  },
  {
    entity: 'messages',
    description: 'Messages of helpdesk conversations exported from other tools: one row per message.',
    key: ['helpdesk', 'message_id'],
    columns: [
      col('message_id', 'text', "The helpdesk's message id.", req),
      col('conversation_id', 'text', 'Conversation it belongs to.', req),
      col('helpdesk', 'text', 'Which tool it came from.', req),
      col('author_role', 'text', 'Who wrote it: customer, agent, bot or system (automatic notices).', {
        required: true,
        values: ['customer', 'agent', 'bot', 'system'],
      }),
      col('created_at', 'timestamp', 'When it was sent.', req),
      col('author_name', 'text', "Author's name."),
      col('author_email', 'text', "Author's e-mail."),
      col('is_public', 'boolean', 'False for internal notes.'),
      col('body', 'text', 'Message text.'),
    ],
  },
];

export const ENTITY_NAMES = ENTITY_CONTRACTS.map((c) => c.entity);

export function contractOf(entity: string): EntityContract | undefined {
  return ENTITY_CONTRACTS.find((c) => c.entity === entity);
}

/** DuckDB type of a contract column in the lake. */
export function lakeType(type: ColumnType): string {
  switch (type) {
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return 'DECIMAL(18,4)';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** Columns every landed row carries after the contract's columns (before the core's `_load_id`, `_extracted_at`). */
export const FILE_METADATA_COLUMNS = [
  { name: '_extra', type: 'JSON', description: 'Columns of the file the contract does not declare, as a JSON object (header names as keys).' },
  { name: '_file', type: 'VARCHAR', description: 'Path of the file inside the drop folder.' },
  { name: '_file_sha256', type: 'VARCHAR', description: 'SHA-256 of the file content that was loaded.' },
  { name: '_line', type: 'BIGINT', description: 'Line of the file where the row starts (XLSX: the sheet row).' },
] as const;
