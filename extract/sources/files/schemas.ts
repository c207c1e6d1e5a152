/**
 * Record shape of the marketplace review export as the demo emits it (stream `demo.reviews`). The column contract
 * of every entity the file-export source loads from a drop folder (reviews with these same columns, returns,
 * orders, conversations, messages) is in `contracts.ts`.
 */
import { z } from 'zod';

/** Marketplace review export (Amazon, eBay, Trustpilot, a Shopify review app, ...), one row per review. */
export const reviewSchema = z.looseObject({
  review_id: z.string().min(1),
  /** amazon | ebay | shopify | trustpilot | ... */
  platform: z.string().min(1),
  /** ISO 3166-1 alpha-2 country of the marketplace the review was left on. */
  marketplace_country: z.string().length(2),
  /** Order the review is about, when the export carries it (same format as the order's `name`). */
  order_number: z.string().nullable().optional(),
  product_sku: z.string().nullable(),
  /** 1..5 stars. */
  rating: z.number().int().min(1).max(5),
  title: z.string().nullable().optional(),
  body: z.string().nullable().optional(),
  /** BCP 47 language tag of the review text, when known (`de`, `ja`, `zh-CN`). */
  language: z.string().nullable().optional(),
  reviewer_name: z.string().nullable().optional(),
  verified_purchase: z.boolean().nullable().optional(),
  /** ISO 8601 with offset or `Z`. */
  created_at: z.iso.datetime({ offset: true }),
});
