/**
 * A local Shopify GraphQL Admin API for the connector's tests (node:http on 127.0.0.1, random port).
 *
 * It implements the documented contract of what the connector sends, without a GraphQL engine: it recognises
 * the connector's operations by name (ShopifyOrders, ShopifyRefunds, ShopifyOrderReturnIds, ShopifyReturns,
 * ShopifyProducts) and answers them from an in-memory shop:
 * - `POST /admin/api/<version>/graphql.json` with `X-Shopify-Access-Token` (else 401, as Shopify answers);
 * - connections sorted by `UPDATED_AT` (then id), cursor paging (`first`, `after`, `pageInfo.endCursor`),
 *   `query: "updated_at:>='<iso>'"` filtering, `nodes(ids:)` lookups, gid ids, MoneyBags in shop and
 *   presentment currency;
 * - the calculated query cost (objects 1, connections 2 + first x node) in `extensions.cost` with the bucket's
 *   `throttleStatus`; a query above 1,000 points is refused (MAX_COST_EXCEEDED); a query costing more than the
 *   bucket holds is answered HTTP 200 with a THROTTLED error; the actual cost is refunded as Shopify does;
 * - injected faults (429 with Retry-After, 5xx) and a held (slow) request, by request number;
 * - an API to change the shop between runs (update orders, add refunds and returns, update products).
 *
 * `expected*()` give the shop's records as the tests expect them in the lake, from the internal model (not from
 * the connector's mapping).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { seededRandom } from './seeded-random.ts';

const SHOP_CURRENCY = 'USD';
const MARKETS = [
  { country: 'US', currency: 'USD', rate: 1, city: 'Seattle', province: 'WA' },
  { country: 'DE', currency: 'EUR', rate: 0.92, city: 'Berlin', province: null },
  { country: 'GB', currency: 'GBP', rate: 0.79, city: 'London', province: null },
  { country: 'JP', currency: 'JPY', rate: 150, city: '東京', province: 'Tokyo' },
  { country: 'CN', currency: 'CNY', rate: 7.2, city: '深圳', province: 'Guangdong' },
  { country: 'AU', currency: 'AUD', rate: 1.5, city: 'Sydney', province: 'NSW' },
] as const;
const PRODUCT_NAMES = ['无线耳机 Pro', '保温杯 500ml', 'Yoga Mat 瑜伽垫', '手机壳 iPhone', 'Running Shoes ランニング', '蓝牙音箱', 'Desk Lamp 台灯', '背包 Backpack'];
const NAMES = [['王', '小明'], ['佐藤', '花子'], ['Anna', 'Schmidt'], ['John', 'Smith'], ['李', '娜'], ['김', '민준']];
const CARRIERS = ['DHL Express', 'UPS', '顺丰速运', 'Yamato (JA)', 'Royal Mail'];
const REASONS = ['SIZE_TOO_SMALL', 'SIZE_TOO_LARGE', 'UNWANTED', 'NOT_AS_DESCRIBED', 'WRONG_ITEM', 'DEFECTIVE', 'STYLE', 'COLOR', 'OTHER'];

interface Variant { id: number; title: string; sku: string; priceCents: number; position: number }
interface Product { id: number; title: string; handle: string; productType: string; vendor: string; status: string; tags: string[]; createdAt: string; updatedAt: string; variants: Variant[] }
interface Line { id: number; product: Product; variant: Variant; quantity: number; /** Unit price when ordered. */ priceCents: number }
interface Fulfillment { id: number; status: string; displayStatus: string; createdAt: string; updatedAt: string; estimatedDeliveryAt: string; inTransitAt: string | null; deliveredAt: string | null; carrier: string; tracking: string }
interface RefundLine { id: number; line: Line; quantity: number; subtotalCents: number }
interface Refund { id: number; createdAt: string; note: string | null; returnId: number | null; lines: RefundLine[]; transactionId: number; amountCents: number }
interface ReturnLine { id: number; line: Line; quantity: number; reason: string; note: string | null }
interface Return { id: number; name: string; status: string; createdAt: string; closedAt: string | null; lines: ReturnLine[] }
interface Order {
  id: number; number: number; createdAt: string; updatedAt: string; cancelledAt: string | null; market: (typeof MARKETS)[number];
  customer: { id: number; email: string; first: string; last: string }; sourceName: string; tags: string[];
  lines: Line[]; fulfillments: Fulfillment[]; refunds: Refund[]; returns: Return[]; taxCents: number;
}

export interface ShopifyServerOptions {
  token?: string;
  apiVersion?: string;
  orders?: number;
  products?: number;
  /** The cost bucket (Shopify Standard: 1,000 points restoring 100 per second; the default is fast for tests). */
  maximumAvailable?: number;
  restoreRate?: number;
  seed?: number;
}

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;
const money = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class ShopifyServer {
  readonly token: string;
  readonly apiVersion: string;
  url = '';
  private server!: Server;
  private readonly random: () => number;
  private nextId = 7_300_000_000_000;
  orders: Order[] = [];
  products: Product[] = [];
  /** Every request: its number, operation and whether it was answered THROTTLED. */
  readonly log: {
    n: number;
    at: number;
    operation: string;
    status: number;
    throttled: boolean;
    first?: number;
    requested?: number;
    /** Points in the bucket when the query arrived, and after it was answered. */
    available?: number;
    availableAfter?: number;
  }[] = [];
  /** Faults by request number (1-based, counting every request): an HTTP status to answer instead. */
  readonly faults = new Map<number, 429 | 500 | 502 | 503>();
  /** Requests (by number) before which the bucket is emptied, as if another app had spent it. */
  readonly drainAt = new Set<number>();
  /** The nth request of an operation is answered only after `ms` (a slow page); `onHold` is called when it arrives. */
  hold: { operation: string; nth: number; ms: number; onHold?: () => void } | undefined;
  private bucket: { max: number; rate: number; available: number; at: number };
  private requests = 0;

  constructor(private readonly options: ShopifyServerOptions = {}) {
    this.token = options.token ?? 'shpat_test_token_0123456789';
    this.apiVersion = options.apiVersion ?? '2025-10';
    this.random = seededRandom(options.seed ?? 7);
    const max = options.maximumAvailable ?? 1000;
    this.bucket = { max, rate: options.restoreRate ?? 100_000, available: max, at: Date.now() };
    this.generate(options.products ?? 40, options.orders ?? 300);
  }

  private id(): number {
    return this.nextId += 1 + Math.floor(this.random() * 1000);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private generate(productCount: number, orderCount: number) {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < productCount; i++) {
      const created = t0 + i * 3_600_000;
      const id = this.id();
      const title = `${PRODUCT_NAMES[i % PRODUCT_NAMES.length]} #${i + 1}`;
      const variants = Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        id: this.id(), title: ['S', 'M', 'L'][k]!, sku: `SKU-${i + 1}-${k + 1}`, priceCents: 999 + i * 250 + k * 100, position: k + 1,
      }));
      this.products.push({ id, title, handle: `product-${i + 1}`, productType: i % 2 ? 'Electronics' : '家居', vendor: 'CrossBorder 跨境', status: i % 10 === 9 ? 'DRAFT' : 'ACTIVE', tags: ['cb', `p${i}`], createdAt: iso(created), updatedAt: iso(created + 86_400_000), variants });
    }
    const span = Date.parse('2026-10-31T00:00:00Z') - t0 - 30 * 86_400_000;
    for (let i = 0; i < orderCount; i++) {
      const created = t0 + Math.floor((span * i) / orderCount) + Math.floor(this.random() * 3_600_000);
      const market = MARKETS[i % MARKETS.length]!;
      const [last, first] = this.pick(NAMES);
      // Mostly 1-4 lines; a few wholesale orders with more lines than one page of the orders query holds.
      const lineCount = i % 50 === 17 ? 61 : 1 + Math.floor(this.random() * 4);
      const lines: Line[] = Array.from({ length: lineCount }, () => {
        const product = this.pick(this.products);
        const variant = this.pick(product.variants);
        return { id: this.id(), product, variant, quantity: 1 + Math.floor(this.random() * 3), priceCents: variant.priceCents };
      });
      const order: Order = {
        id: this.id(), number: 1001 + i, createdAt: iso(created), updatedAt: iso(created), cancelledAt: null, market,
        customer: { id: 8_100_000_000_000 + (i % 120), email: `customer${i % 120}@example.com`, first: first!, last: last! },
        sourceName: this.pick(['web', 'web', 'amazon', 'ebay']), tags: i % 5 === 0 ? ['VIP', '老客户'] : [], lines, fulfillments: [], refunds: [], returns: [], taxCents: 0,
      };
      order.taxCents = Math.round(this.subtotal(order) * 0.08);
      let updated = created;
      if (i % 10 < 8) {
        const shipped = created + 86_400_000;
        const delivered = i % 10 < 6 ? shipped + (3 + (i % 7)) * 86_400_000 : null;
        updated = delivered ?? shipped;
        order.fulfillments.push({
          id: this.id(), status: 'SUCCESS', displayStatus: delivered ? 'DELIVERED' : 'IN_TRANSIT', createdAt: iso(shipped), updatedAt: iso(updated),
          estimatedDeliveryAt: iso(shipped + 5 * 86_400_000), inTransitAt: iso(shipped + 3_600_000), deliveredAt: delivered ? iso(delivered) : null,
          carrier: this.pick(CARRIERS), tracking: `TRK${order.number}${i % 97}`,
        });
      }
      if (i % 9 === 4 && order.fulfillments.length > 0) {
        updated += 86_400_000;
        const ret = this.makeReturn(order, iso(updated), i % 2 === 0 ? 'CLOSED' : 'OPEN');
        if (ret.status === 'CLOSED') this.makeRefund(order, iso(updated + 3_600_000), ret);
        updated += 3_600_000;
      } else if (i % 13 === 7) {
        updated += 2 * 86_400_000;
        this.makeRefund(order, iso(updated), null);
      } else if (i % 29 === 11) {
        updated += 3_600_000;
        order.cancelledAt = iso(updated);
        this.makeRefund(order, iso(updated), null);
      }
      order.updatedAt = iso(updated);
      this.orders.push(order);
    }
  }

  private subtotal(order: Order): number {
    return order.lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  }

  private makeReturn(order: Order, at: string, status: string): Return {
    const line = order.lines[0]!;
    const ret: Return = {
      id: this.id(), name: `#${order.number}-R${order.returns.length + 1}`, status, createdAt: at, closedAt: status === 'CLOSED' ? at : null,
      lines: [{ id: this.id(), line, quantity: 1, reason: this.pick(REASONS), note: this.random() < 0.5 ? '尺码偏小,想换大一号' : null }],
    };
    order.returns.push(ret);
    return ret;
  }

  private makeRefund(order: Order, at: string, ret: Return | null): Refund {
    const line = order.lines[0]!;
    const refund: Refund = {
      id: this.id(), createdAt: at, note: ret ? '退货退款 return refund' : 'goodwill', returnId: ret?.id ?? null,
      lines: [{ id: this.id(), line, quantity: 1, subtotalCents: line.priceCents }], transactionId: this.id(), amountCents: line.priceCents,
    };
    order.refunds.push(refund);
    return refund;
  }

  // ---- changes between runs ---------------------------------------------------------------------------------

  /** A timestamp after every record's, so changed records sort last (Shopify's clock moves on). */
  private now(): string {
    const newest = Math.max(...this.orders.map((o) => Date.parse(o.updatedAt)), ...this.products.map((p) => Date.parse(p.updatedAt)), Date.now());
    return iso(newest + 1000);
  }

  updateOrder(id: number): void {
    const order = this.order(id);
    order.tags = [...order.tags, 'updated 已更新'];
    order.updatedAt = this.now();
  }

  addRefund(id: number): void {
    const order = this.order(id);
    const at = this.now();
    this.makeRefund(order, at, null);
    order.updatedAt = at;
  }

  addReturn(id: number): void {
    const order = this.order(id);
    const at = this.now();
    this.makeReturn(order, at, 'REQUESTED');
    order.updatedAt = at;
  }

  updateProduct(id: number): void {
    const product = this.products.find((p) => p.id === id)!;
    product.variants[0]!.priceCents += 100;
    product.updatedAt = this.now();
  }

  order(id: number): Order {
    return this.orders.find((o) => o.id === id)!;
  }

  // ---- what the lake should hold ------------------------------------------------------------------------------

  expectedOrders() {
    return this.orders.map((o) => {
      const subtotal = this.subtotal(o);
      return {
        id: o.id,
        name: `#${o.number}`,
        updated_at: o.updatedAt,
        currency: SHOP_CURRENCY,
        presentment_currency: o.market.currency,
        total_price: money(subtotal + o.taxCents),
        total_presentment: money(Math.round((subtotal + o.taxCents) * o.market.rate)),
        line_item_ids: o.lines.map((l) => l.id),
        fulfillments: o.fulfillments.map((f) => ({ id: f.id, tracking_number: f.tracking, shipment_status: f.displayStatus.toLowerCase(), delivered_at: f.deliveredAt })),
        refunds: o.refunds.map((r) => ({ id: r.id, return_id: r.returnId, amount: money(r.amountCents), line_item_id: r.lines[0]!.line.id })),
        tags: o.tags.join(', '),
      };
    });
  }

  expectedReturns() {
    return this.orders.flatMap((o) =>
      o.returns.map((r) => ({ id: r.id, order_id: o.id, status: r.status, reasons: r.lines.map((l) => l.reason), line_item_ids: r.lines.map((l) => l.line.id) })),
    );
  }

  expectedProducts() {
    return this.products.map((p) => ({ id: p.id, title: p.title, updated_at: p.updatedAt, variant_prices: p.variants.map((v) => money(v.priceCents)) }));
  }

  // ---- GraphQL rendering ----------------------------------------------------------------------------------------

  private bag(cents: number, rate: number, currency: string) {
    return {
      shopMoney: { amount: money(cents), currencyCode: SHOP_CURRENCY },
      presentmentMoney: { amount: money(Math.round(cents * rate)), currencyCode: currency },
    };
  }

  private renderOrder(o: Order, v: Record<string, any>) {
    const subtotal = this.subtotal(o);
    const refunded = o.refunds.reduce((s, r) => s + r.amountCents, 0);
    const financial = refunded === 0 ? 'PAID' : refunded >= subtotal + o.taxCents ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    const lines = o.lines.slice(0, v.lineItems);
    const lineCursor = (index: number) => Buffer.from(JSON.stringify({ line: index })).toString('base64url');
    return {
      id: gid('Order', o.id), name: `#${o.number}`, number: o.number, email: o.customer.email, createdAt: o.createdAt, updatedAt: o.updatedAt,
      processedAt: o.createdAt, cancelledAt: o.cancelledAt, cancelReason: o.cancelledAt ? 'CUSTOMER' : null,
      currencyCode: SHOP_CURRENCY, presentmentCurrencyCode: o.market.currency,
      subtotalPriceSet: this.bag(subtotal, o.market.rate, o.market.currency), totalTaxSet: this.bag(o.taxCents, o.market.rate, o.market.currency),
      totalPriceSet: this.bag(subtotal + o.taxCents, o.market.rate, o.market.currency),
      displayFinancialStatus: financial, displayFulfillmentStatus: o.fulfillments.length > 0 ? 'FULFILLED' : 'UNFULFILLED', sourceName: o.sourceName, tags: o.tags,
      customer: { id: gid('Customer', o.customer.id), email: o.customer.email, firstName: o.customer.first, lastName: o.customer.last },
      shippingAddress: { firstName: o.customer.first, lastName: o.customer.last, city: o.market.city, province: o.market.province, zip: '10001', countryCodeV2: o.market.country },
      lineItems: {
        pageInfo: { hasNextPage: o.lines.length > lines.length, endCursor: lines.length > 0 ? lineCursor(lines.length - 1) : null },
        nodes: lines.map((l) => this.renderLine(o, l)),
      },
      fulfillments: o.fulfillments.slice(0, v.fulfillments).map((f) => ({
        id: gid('Fulfillment', f.id), status: f.status, displayStatus: f.displayStatus, createdAt: f.createdAt, updatedAt: f.updatedAt,
        estimatedDeliveryAt: f.estimatedDeliveryAt, inTransitAt: f.inTransitAt, deliveredAt: f.deliveredAt,
        trackingInfo: [{ company: f.carrier, number: f.tracking, url: `https://track.example.com/${f.tracking}` }],
      })),
      refunds: o.refunds.slice(0, v.refunds).map((r) => ({ id: gid('Refund', r.id) })),
    };
  }

  private renderLine(o: Order, l: Line) {
    return {
      id: gid('LineItem', l.id), sku: l.variant.sku, title: l.product.title, variantTitle: l.variant.title, quantity: l.quantity,
      originalUnitPriceSet: this.bag(l.priceCents, o.market.rate, o.market.currency), variant: { id: gid('ProductVariant', l.variant.id) }, product: { id: gid('Product', l.product.id) },
    };
  }

  private renderRefund(o: Order, r: Refund, v: Record<string, any>) {
    return {
      __typename: 'Refund', id: gid('Refund', r.id), createdAt: r.createdAt, note: r.note, order: { id: gid('Order', o.id) }, return: r.returnId ? { id: gid('Return', r.returnId) } : null,
      refundLineItems: {
        pageInfo: { hasNextPage: r.lines.length > v.refundLineItems },
        nodes: r.lines.slice(0, v.refundLineItems).map((l) => ({ id: gid('RefundLineItem', l.id), quantity: l.quantity, restockType: 'RETURN', lineItem: { id: gid('LineItem', l.line.id) }, subtotalSet: this.bag(l.subtotalCents, o.market.rate, o.market.currency) })),
      },
      transactions: {
        pageInfo: { hasNextPage: false },
        nodes: [{ id: gid('OrderTransaction', r.transactionId), kind: 'REFUND', status: 'SUCCESS', gateway: 'shopify_payments', processedAt: r.createdAt, amountSet: this.bag(r.amountCents, o.market.rate, o.market.currency) }],
      },
    };
  }

  private renderReturn(o: Order, r: Return, v: Record<string, any>) {
    return {
      __typename: 'Return', id: gid('Return', r.id), name: r.name, status: r.status, createdAt: r.createdAt, closedAt: r.closedAt, order: { id: gid('Order', o.id) },
      returnLineItems: {
        pageInfo: { hasNextPage: r.lines.length > v.returnLineItems },
        nodes: r.lines.slice(0, v.returnLineItems).map((l) => ({
          id: gid('ReturnLineItem', l.id), quantity: l.quantity, returnReason: l.reason, returnReasonNote: '', customerNote: l.note,
          fulfillmentLineItem: { lineItem: { id: gid('LineItem', l.line.id) } },
        })),
      },
    };
  }

  private renderProduct(p: Product, v: Record<string, any>) {
    return {
      id: gid('Product', p.id), title: p.title, handle: p.handle, productType: p.productType, vendor: p.vendor, status: p.status, tags: p.tags, createdAt: p.createdAt, updatedAt: p.updatedAt,
      variants: { pageInfo: { hasNextPage: p.variants.length > v.variants }, nodes: p.variants.slice(0, v.variants).map((x) => ({ id: gid('ProductVariant', x.id), title: x.title, sku: x.sku, price: money(x.priceCents), position: x.position })) },
    };
  }

  /** A page of a connection sorted by updatedAt then id, after a cursor, filtered by the search query. */
  private page<T extends { id: number; updatedAt: string }>(items: T[], vars: Record<string, unknown>) {
    const q = typeof vars.query === 'string' ? vars.query : '';
    const m = /^updated_at:>='([^']+)'$/.exec(q);
    if (q && !m) throw new Error(`unsupported search query ${q}`);
    const from = m ? Date.parse(m[1]!) : -Infinity;
    const key = (x: T): [number, number] => [Date.parse(x.updatedAt), x.id];
    const after = typeof vars.after === 'string' ? (JSON.parse(Buffer.from(vars.after, 'base64url').toString()) as [number, number]) : null;
    const sorted = items
      .filter((x) => Date.parse(x.updatedAt) >= from)
      .sort((a, b) => key(a)[0] - key(b)[0] || a.id - b.id)
      .filter((x) => !after || key(x)[0] > after[0] || (key(x)[0] === after[0] && x.id > after[1]));
    const first = Number(vars.first);
    const nodes = sorted.slice(0, first);
    const last = nodes.at(-1);
    return { nodes, hasNextPage: sorted.length > first, endCursor: last ? Buffer.from(JSON.stringify(key(last))).toString('base64url') : null };
  }

  /** Runs one operation: [data, requested cost, actual cost]. */
  private execute(operation: string, v: Record<string, any>): [unknown, number, number] {
    switch (operation) {
      case 'ShopifyOrders': {
        const per = 1 + 9 + 2 + (2 + v.lineItems * 6) + v.fulfillments * 2 + v.refunds;
        const { nodes, hasNextPage, endCursor } = this.page(this.orders, v);
        const actual = 2 + nodes.reduce((s, o) => s + 14 + o.lines.length * 6 + o.fulfillments.length * 2 + o.refunds.length, 0);
        return [{ orders: { pageInfo: { hasNextPage, endCursor }, nodes: nodes.map((o) => this.renderOrder(o, v)) } }, 2 + v.first * per, actual];
      }
      case 'ShopifyOrderLineItems': {
        const order = this.orders.find((o) => gid('Order', o.id) === v.id);
        if (!order) return [{ order: null }, 3 + v.first * 6, 1];
        const start = typeof v.after === 'string' ? (JSON.parse(Buffer.from(v.after, 'base64url').toString()) as { line: number }).line + 1 : 0;
        const lines = order.lines.slice(start, start + v.first);
        const end = start + lines.length;
        const lineItems = { pageInfo: { hasNextPage: end < order.lines.length, endCursor: lines.length > 0 ? Buffer.from(JSON.stringify({ line: end - 1 })).toString('base64url') : null }, nodes: lines.map((l) => this.renderLine(order, l)) };
        return [{ order: { lineItems } }, 3 + v.first * 6, 3 + lines.length * 6];
      }
      case 'ShopifyRefunds': {
        const ids = v.ids as string[];
        const per = 3 + (2 + v.refundLineItems * 5) + (2 + v.transactions * 4);
        const found = ids.map((id) => {
          for (const o of this.orders) for (const r of o.refunds) if (gid('Refund', r.id) === id) return this.renderRefund(o, r, v);
          return null;
        });
        return [{ nodes: found }, ids.length * per, found.length * 14];
      }
      case 'ShopifyOrderReturnIds': {
        const { nodes, hasNextPage, endCursor } = this.page(this.orders, v);
        const data = nodes.map((o) => ({ id: gid('Order', o.id), updatedAt: o.updatedAt, returns: { pageInfo: { hasNextPage: o.returns.length > v.returns }, nodes: o.returns.slice(0, v.returns).map((r) => ({ id: gid('Return', r.id) })) } }));
        return [{ orders: { pageInfo: { hasNextPage, endCursor }, nodes: data } }, 2 + v.first * (3 + v.returns), 2 + nodes.length * 3];
      }
      case 'ShopifyReturns': {
        const ids = v.ids as string[];
        const found = ids.map((id) => {
          for (const o of this.orders) for (const r of o.returns) if (gid('Return', r.id) === id) return this.renderReturn(o, r, v);
          return null;
        });
        return [{ nodes: found }, ids.length * (4 + v.returnLineItems * 3), found.length * 7];
      }
      case 'ShopifyProducts': {
        const { nodes, hasNextPage, endCursor } = this.page(this.products, v);
        return [{ products: { pageInfo: { hasNextPage, endCursor }, nodes: nodes.map((p) => this.renderProduct(p, v)) } }, 2 + v.first * (3 + v.variants), 2 + nodes.length * 6];
      }
      default:
        throw new Error(`unknown operation ${operation}`);
    }
  }

  private restore(): void {
    const now = Date.now();
    this.bucket.available = Math.min(this.bucket.max, this.bucket.available + ((now - this.bucket.at) / 1000) * this.bucket.rate);
    this.bucket.at = now;
  }

  private throttleStatus() {
    return { maximumAvailable: this.bucket.max, currentlyAvailable: Math.floor(this.bucket.available), restoreRate: this.bucket.rate };
  }

  private async handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const n = ++this.requests;
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== `/admin/api/${this.apiVersion}/graphql.json`) {
      this.log.push({ n, at: Date.now(), operation: '', status: 404, throttled: false });
      return json(404, { errors: 'Not Found' });
    }
    if (req.headers['x-shopify-access-token'] !== this.token) {
      this.log.push({ n, at: Date.now(), operation: '', status: 401, throttled: false });
      return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
    const operation = /query\s+(\w+)/.exec(query)?.[1] ?? '';
    const entry: (typeof this.log)[number] = { n, at: Date.now(), operation, status: 200, throttled: false, first: variables.first as number | undefined };
    this.log.push(entry);
    const fault = this.faults.get(n);
    if (fault) {
      entry.status = fault;
      return json(fault, { errors: fault === 429 ? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' : 'Internal Server Error' }, fault === 429 ? { 'retry-after': '1' } : {});
    }
    if (this.hold && this.hold.operation === operation && this.log.filter((e) => e.operation === operation).length === this.hold.nth) {
      this.hold.onHold?.();
      await new Promise((resolve) => setTimeout(resolve, this.hold!.ms));
    }
    const [data, requested, actual] = this.execute(operation, variables);
    entry.requested = requested;
    if (requested > 1000) {
      return json(200, {
        errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (1000).`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: 1000 } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.throttleStatus() } },
      });
    }
    this.restore();
    if (this.drainAt.has(n)) this.bucket.available = 0;
    entry.available = Math.floor(this.bucket.available);
    if (requested > this.bucket.available) {
      entry.throttled = true;
      return json(200, {
        errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: this.throttleStatus() } },
      });
    }
    this.bucket.available -= actual;
    entry.availableAfter = Math.floor(this.bucket.available);
    json(200, { data, extensions: { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: this.throttleStatus() } } });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.handle(req, res, body).catch((error: Error) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: error.message }));
        });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** The environment that points the connector at this server. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { CSW_SHOPIFY_SHOP: 'test-shop.myshopify.com', CSW_SHOPIFY_ACCESS_TOKEN: this.token, CSW_SHOPIFY_BASE_URL: this.url, CSW_SHOPIFY_API_VERSION: this.apiVersion, ...extra };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
