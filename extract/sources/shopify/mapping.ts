/**
 * GraphQL Admin API nodes -> the REST-compatible record shapes of `schemas.ts` (the shapes the demo lands too, so
 * one staging model serves both). The rules, in one place:
 *
 * - ids: `gid://shopify/Order/5123456789` -> 5123456789 (the REST id); the gid is kept as `admin_graphql_api_id`.
 * - money: a MoneyBag becomes the REST pair: `<field>` = the shop-currency amount (a decimal string, as Shopify
 *   sends it) and `<field>_set` = `{ shop_money, presentment_money }` with `amount` and `currency_code` each, so
 *   shop and presentment currencies are both kept. Refund transactions carry `amount`/`currency` in the shop
 *   currency (as the demo does) and the presentment amount in `amount_set`.
 * - enums: lower case, as REST spells them (`PARTIALLY_REFUNDED` -> `partially_refunded`), with these exceptions:
 *   the order's fulfillment status follows REST (`FULFILLED` -> `fulfilled`, `PARTIALLY_FULFILLED` -> `partial`,
 *   `UNFULFILLED` -> null); a fulfillment's `displayStatus` becomes REST `shipment_status` when it is one of the
 *   REST shipment statuses, else null (the raw value stays in `display_status`); return statuses and return
 *   reasons stay upper case (REST has no returns; the demo and `schemas.ts` use the GraphQL enum).
 * - names: camelCase -> snake_case; tags (a list) -> one comma-separated string; timestamps as Shopify sent them.
 * - fields REST has and GraphQL does not: refund `processed_at` = the refund's `createdAt`.
 */
import type { RawRecord } from '../../core/stream.ts';

export interface GqlMoney {
  amount: string;
  currencyCode: string;
}
export interface GqlMoneyBag {
  shopMoney: GqlMoney;
  presentmentMoney: GqlMoney;
}
export interface GqlRef {
  id: string;
}
interface Page<T> {
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

export interface GqlLineItem {
  id: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  originalUnitPriceSet: GqlMoneyBag;
  variant: GqlRef | null;
  product: GqlRef | null;
}

export interface GqlFulfillment {
  id: string;
  status: string;
  displayStatus: string | null;
  createdAt: string;
  updatedAt: string;
  estimatedDeliveryAt: string | null;
  inTransitAt: string | null;
  deliveredAt: string | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
}

export interface GqlOrder {
  id: string;
  name: string;
  number: number;
  email: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  subtotalPriceSet: GqlMoneyBag | null;
  totalTaxSet: GqlMoneyBag | null;
  totalPriceSet: GqlMoneyBag;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  sourceName: string | null;
  tags: string[];
  customer: { id: string; email: string | null; firstName: string | null; lastName: string | null } | null;
  shippingAddress: {
    firstName: string | null;
    lastName: string | null;
    city: string | null;
    province: string | null;
    zip: string | null;
    countryCodeV2: string | null;
  } | null;
  lineItems: Page<GqlLineItem>;
  fulfillments: GqlFulfillment[];
  refunds: GqlRef[];
}

export interface GqlRefund {
  id: string;
  createdAt: string;
  note: string | null;
  order: GqlRef;
  return: GqlRef | null;
  refundLineItems: Page<{
    id: string | null;
    quantity: number;
    restockType: string | null;
    lineItem: GqlRef;
    subtotalSet: GqlMoneyBag;
  }>;
  transactions: Page<{
    id: string;
    kind: string;
    status: string;
    gateway: string | null;
    processedAt: string | null;
    amountSet: GqlMoneyBag;
  }>;
}

export interface GqlReturn {
  id: string;
  name: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  order: GqlRef;
  returnLineItems: Page<{
    id: string;
    quantity: number;
    returnReason: string;
    returnReasonNote: string | null;
    customerNote: string | null;
    fulfillmentLineItem?: { lineItem: GqlRef };
  }>;
}

export interface GqlProduct {
  id: string;
  title: string;
  handle: string | null;
  productType: string | null;
  vendor: string | null;
  status: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  variants: Page<{ id: string; title: string | null; sku: string | null; price: string; position: number | null }>;
}

/** `gid://shopify/Order/5123456789` (optionally with `?query`) -> 5123456789. */
export function gidToId(gid: string): number {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)(\?.*)?$/.exec(gid);
  if (!match) throw new Error(`not a Shopify global id: ${gid}`);
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id)) throw new Error(`Shopify id too large for a 64-bit float: ${gid}`);
  return id;
}

const idOrNull = (ref: GqlRef | null | undefined): number | null => (ref ? gidToId(ref.id) : null);
const lower = (value: string | null | undefined): string | null => (value == null ? null : value.toLowerCase());

/** A MoneyBag as REST's `*_set`. */
export function moneySet(bag: GqlMoneyBag): RawRecord {
  return {
    shop_money: { amount: bag.shopMoney.amount, currency_code: bag.shopMoney.currencyCode },
    presentment_money: { amount: bag.presentmentMoney.amount, currency_code: bag.presentmentMoney.currencyCode },
  };
}

const FULFILLMENT_STATUS: Record<string, string | null> = { FULFILLED: 'fulfilled', PARTIALLY_FULFILLED: 'partial', UNFULFILLED: null };

/** REST `shipment_status` values; other GraphQL display statuses (FULFILLED, CANCELED, ...) map to null. */
const SHIPMENT_STATUSES = new Set([
  'label_printed',
  'label_purchased',
  'attempted_delivery',
  'ready_for_pickup',
  'picked_up',
  'confirmed',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'failure',
]);

export function mapFulfillment(node: GqlFulfillment, orderId: number): RawRecord {
  const display = lower(node.displayStatus);
  const tracking = node.trackingInfo[0];
  return {
    id: gidToId(node.id),
    order_id: orderId,
    status: lower(node.status),
    shipment_status: display !== null && SHIPMENT_STATUSES.has(display) ? display : null,
    display_status: node.displayStatus,
    tracking_company: tracking?.company ?? null,
    tracking_number: tracking?.number ?? null,
    tracking_url: tracking?.url ?? null,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    estimated_delivery_at: node.estimatedDeliveryAt,
    in_transit_at: node.inTransitAt,
    delivered_at: node.deliveredAt,
  };
}

export function mapRefund(node: GqlRefund): RawRecord {
  return {
    id: gidToId(node.id),
    admin_graphql_api_id: node.id,
    order_id: gidToId(node.order.id),
    created_at: node.createdAt,
    processed_at: node.createdAt,
    note: node.note,
    return_id: idOrNull(node.return),
    refund_line_items: node.refundLineItems.nodes.map((line) => ({
      id: line.id === null ? null : gidToId(line.id),
      line_item_id: gidToId(line.lineItem.id),
      quantity: line.quantity,
      restock_type: lower(line.restockType),
      subtotal: line.subtotalSet.shopMoney.amount,
      subtotal_set: moneySet(line.subtotalSet),
    })),
    transactions: node.transactions.nodes.map((t) => ({
      id: gidToId(t.id),
      kind: lower(t.kind),
      status: lower(t.status),
      gateway: t.gateway,
      processed_at: t.processedAt,
      amount: t.amountSet.shopMoney.amount,
      currency: t.amountSet.shopMoney.currencyCode,
      amount_set: moneySet(t.amountSet),
    })),
  };
}

/** An order with its refunds (fetched separately, see queries.ts), in the REST shape. */
export function mapOrder(node: GqlOrder, refunds: GqlRefund[]): RawRecord {
  const id = gidToId(node.id);
  const money = (bag: GqlMoneyBag | null) => bag?.shopMoney.amount ?? '0.00';
  const customer = node.customer;
  const address = node.shippingAddress;
  const fulfillment = node.displayFulfillmentStatus;
  return {
    id,
    admin_graphql_api_id: node.id,
    name: node.name,
    order_number: node.number,
    email: node.email,
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    processed_at: node.processedAt,
    cancelled_at: node.cancelledAt,
    cancel_reason: lower(node.cancelReason),
    currency: node.currencyCode,
    presentment_currency: node.presentmentCurrencyCode,
    subtotal_price: money(node.subtotalPriceSet),
    subtotal_price_set: node.subtotalPriceSet ? moneySet(node.subtotalPriceSet) : null,
    total_tax: money(node.totalTaxSet),
    total_tax_set: node.totalTaxSet ? moneySet(node.totalTaxSet) : null,
    total_price: node.totalPriceSet.shopMoney.amount,
    total_price_set: moneySet(node.totalPriceSet),
    financial_status: lower(node.displayFinancialStatus),
    fulfillment_status: fulfillment == null ? null : fulfillment in FULFILLMENT_STATUS ? FULFILLMENT_STATUS[fulfillment]! : fulfillment.toLowerCase(),
    source_name: node.sourceName ?? 'web',
    tags: node.tags.join(', '),
    customer: customer
      ? { id: gidToId(customer.id), email: customer.email ?? node.email, first_name: customer.firstName, last_name: customer.lastName }
      : null,
    shipping_address: address
      ? {
          first_name: address.firstName,
          last_name: address.lastName,
          city: address.city,
          province: address.province,
          zip: address.zip,
          country_code: address.countryCodeV2,
        }
      : null,
    line_items: node.lineItems.nodes.map((line) => ({
      id: gidToId(line.id),
      product_id: idOrNull(line.product),
      variant_id: idOrNull(line.variant),
      sku: line.sku,
      title: line.title,
      variant_title: line.variantTitle,
      quantity: line.quantity,
      price: line.originalUnitPriceSet.shopMoney.amount,
      price_set: moneySet(line.originalUnitPriceSet),
    })),
    fulfillments: node.fulfillments.map((f) => mapFulfillment(f, id)),
    refunds: refunds.map(mapRefund),
  };
}

export function mapReturn(node: GqlReturn): RawRecord {
  return {
    id: gidToId(node.id),
    admin_graphql_api_id: node.id,
    order_id: gidToId(node.order.id),
    name: node.name,
    status: node.status,
    created_at: node.createdAt,
    closed_at: node.closedAt,
    return_line_items: node.returnLineItems.nodes.map((line) => ({
      id: gidToId(line.id),
      line_item_id: line.fulfillmentLineItem ? gidToId(line.fulfillmentLineItem.lineItem.id) : null,
      quantity: line.quantity,
      return_reason: line.returnReason,
      return_reason_note: line.returnReasonNote,
      customer_note: line.customerNote,
    })),
  };
}

export function mapProduct(node: GqlProduct): RawRecord {
  const id = gidToId(node.id);
  return {
    id,
    admin_graphql_api_id: node.id,
    title: node.title,
    handle: node.handle,
    product_type: node.productType,
    vendor: node.vendor,
    status: lower(node.status),
    tags: node.tags.join(', '),
    created_at: node.createdAt,
    updated_at: node.updatedAt,
    variants: node.variants.nodes.map((v) => ({
      id: gidToId(v.id),
      product_id: id,
      title: v.title,
      sku: v.sku,
      price: v.price,
      position: v.position,
    })),
  };
}
