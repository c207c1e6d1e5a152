/**
 * Shopify settings, read from the environment (`.env` is loaded by the pipeline's config first) and validated
 * with zod. A missing or malformed setting is one sentence naming it (UserError); the access token is never
 * logged or echoed.
 */
import { z } from 'zod';
import { optional } from '../../core/config.ts';
import { UserError } from '../../core/errors.ts';

/** A current stable Admin API version (Shopify releases one per quarter and supports each for a year). */
export const DEFAULT_API_VERSION = '2025-10';

const envSchema = z.object({
  CSW_SHOPIFY_SHOP: z.preprocess((v) => (v === '' ? undefined : v), z
    .string({ error: 'is missing: set it to the shop domain, e.g. my-shop.myshopify.com' })
    .trim()
    .transform((v) => v.replace(/^https?:\/\//, '').replace(/\/+$/, ''))
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, 'must be the shop domain, e.g. my-shop.myshopify.com'))),
  CSW_SHOPIFY_ACCESS_TOKEN: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: 'is missing: set it to an Admin API access token of a custom app (read_orders, read_products, read_returns)' }).trim(),
  ),
  CSW_SHOPIFY_API_VERSION: optional(z.string().regex(/^\d{4}-(01|04|07|10)$/, 'must be a stable API version such as 2025-10')).transform(
    (v) => v ?? DEFAULT_API_VERSION,
  ),
  /** For tests and proxies: the scheme and host that serve `/admin/api/<version>/graphql.json`. */
  CSW_SHOPIFY_BASE_URL: optional(z.url({ error: 'must be a URL such as http://127.0.0.1:8080' })),
  CSW_SHOPIFY_START_DATE: optional(
    z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be a date (YYYY-MM-DD) or an ISO timestamp'),
  ),
  CSW_SHOPIFY_LOOKBACK_HOURS: optional(z.coerce.number().min(0, 'must be 0 or more')).transform((v) => v ?? 6),
  /** Orders per page to start with; the connector lowers it to stay under Shopify's per-query cost limit. */
  CSW_SHOPIFY_PAGE_SIZE: optional(z.coerce.number().int().min(1).max(250, 'must be at most 250')).transform((v) => v ?? 50),
});

export interface ShopifyConfig {
  shop: string;
  accessToken: string;
  apiVersion: string;
  /** `https://<shop>` or the CSW_SHOPIFY_BASE_URL override, without a trailing slash. */
  baseUrl: string;
  /** ISO timestamp: nothing updated before it is read on a first or full-refresh run (undefined: all history). */
  startDate?: string;
  lookbackHours: number;
  pageSize: number;
}

/** Reads the Shopify settings; throws one UserError naming every bad or missing one. */
export function loadShopifyConfig(env: NodeJS.ProcessEnv = process.env): ShopifyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new UserError(`The shopify source is not configured: ${problems} (see .env.example).`);
  }
  const e = parsed.data;
  const start = e.CSW_SHOPIFY_START_DATE;
  return {
    shop: e.CSW_SHOPIFY_SHOP,
    accessToken: e.CSW_SHOPIFY_ACCESS_TOKEN,
    apiVersion: e.CSW_SHOPIFY_API_VERSION,
    baseUrl: (e.CSW_SHOPIFY_BASE_URL ?? `https://${e.CSW_SHOPIFY_SHOP}`).replace(/\/+$/, ''),
    startDate: start === undefined ? undefined : new Date(start.length === 10 ? `${start}T00:00:00Z` : start).toISOString(),
    lookbackHours: e.CSW_SHOPIFY_LOOKBACK_HOURS,
    pageSize: e.CSW_SHOPIFY_PAGE_SIZE,
  };
}
