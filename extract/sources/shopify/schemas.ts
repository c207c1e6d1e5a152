/**
 * Record shapes of the Shopify Admin API streams (a documented subset, snake_case as the REST Admin API and the
 * bulk-operation JSONL export name them). Money amounts are decimal strings, as Shopify sends them. Timestamps
 * carry the shop's UTC offset (`2024-05-01T09:30:00-04:00`); staging converts them to UTC.
 */
import { z } from 'zod';

export const shopifyTimestamp = z.iso.datetime({ offset: true });
const money = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as "12.50"');

export const address = z.looseObject({
  country_code: z.string().nullable(),
  province: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  zip: z.string().nullable().optional(),
});

export const lineItem = z.looseObject({
  id: z.number().int(),
  product_id: z.number().int().nullable(),
  variant_id: z.number().int().nullable().optional(),
  sku: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int(),
  price: money,
});

export const fulfillment = z.looseObject({
  id: z.number().int(),
  order_id: z.number().int(),
  /** pending | open | success | cancelled | error | failure */
  status: z.string(),
  /** label_printed | in_transit | out_for_delivery | delivered | failure | ... */
  shipment_status: z.string().nullable(),
  tracking_company: z.string().nullable(),
  tracking_number: z.string().nullable(),
  created_at: shopifyTimestamp,
  updated_at: shopifyTimestamp,
  /** Carrier's promised delivery (GraphQL `estimatedDeliveryAt`). */
  estimated_delivery_at: shopifyTimestamp.nullable().optional(),
  /** Actual delivery (GraphQL `deliveredAt`). */
  delivered_at: shopifyTimestamp.nullable().optional(),
});

export const refund = z.looseObject({
  id: z.number().int(),
  order_id: z.number().int(),
  created_at: shopifyTimestamp,
  processed_at: shopifyTimestamp.nullable().optional(),
  note: z.string().nullable().optional(),
  /** Return this refund settles, when it came from a return (GraphQL `Refund.return`). */
  return_id: z.number().int().nullable().optional(),
  refund_line_items: z.array(
    z.looseObject({
      id: z.number().int(),
      line_item_id: z.number().int(),
      quantity: z.number().int(),
      subtotal: money,
    }),
  ),
  transactions: z.array(
    z.looseObject({
      id: z.number().int(),
      kind: z.string(),
      status: z.string(),
      amount: money,
      currency: z.string(),
    }),
  ),
});

export const orderSchema = z.looseObject({
  id: z.number().int(),
  /** Shop-facing order number, e.g. `#1001` (Shopify), or the marketplace's own format for marketplace orders. */
  name: z.string(),
  order_number: z.number().int(),
  created_at: shopifyTimestamp,
  updated_at: shopifyTimestamp,
  processed_at: shopifyTimestamp.nullable().optional(),
  cancelled_at: shopifyTimestamp.nullable().optional(),
  /** Shop currency. */
  currency: z.string(),
  /** Currency the customer paid in. */
  presentment_currency: z.string().optional(),
  total_price: money,
  subtotal_price: money,
  total_tax: money.optional(),
  financial_status: z.string().nullable(),
  fulfillment_status: z.string().nullable(),
  /** Sales channel: `web` (online store), or a marketplace channel such as `amazon`, `ebay`. */
  source_name: z.string(),
  tags: z.string().optional(),
  customer: z
    .looseObject({
      id: z.number().int(),
      email: z.string().nullable(),
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
    })
    .nullable(),
  shipping_address: address.nullable(),
  line_items: z.array(lineItem),
  fulfillments: z.array(fulfillment),
  refunds: z.array(refund),
});

export const returnSchema = z.looseObject({
  id: z.number().int(),
  order_id: z.number().int(),
  name: z.string(),
  /** REQUESTED | OPEN | CLOSED | DECLINED | CANCELED */
  status: z.string(),
  created_at: shopifyTimestamp,
  closed_at: shopifyTimestamp.nullable().optional(),
  return_line_items: z.array(
    z.looseObject({
      id: z.number().int(),
      line_item_id: z.number().int(),
      quantity: z.number().int(),
      /** SIZE_TOO_SMALL | SIZE_TOO_LARGE | UNWANTED | NOT_AS_DESCRIBED | WRONG_ITEM | DEFECTIVE | STYLE | COLOR | OTHER */
      return_reason: z.string(),
      customer_note: z.string().nullable().optional(),
    }),
  ),
});

export const productSchema = z.looseObject({
  id: z.number().int(),
  title: z.string(),
  product_type: z.string().nullable(),
  vendor: z.string().nullable().optional(),
  status: z.string().optional(),
  created_at: shopifyTimestamp,
  updated_at: shopifyTimestamp,
  variants: z.array(
    z.looseObject({
      id: z.number().int(),
      sku: z.string().nullable(),
      price: money,
    }),
  ),
});
