/** Unit tests of the Shopify connector's pure parts: GraphQL -> REST mapping, throttle and page-size rules, config. */
import { describe, expect, it } from 'vitest';
import { costPauseMs } from '../../../extract/sources/shopify/client.ts';
import { loadShopifyConfig } from '../../../extract/sources/shopify/config.ts';
import { nextPageSize, readFrom, searchQuery } from '../../../extract/sources/shopify/index.ts';
import { gidToId, mapOrder, mapProduct, mapReturn, type GqlOrder, type GqlRefund, type GqlReturn } from '../../../extract/sources/shopify/mapping.ts';
import { orderSchema, productSchema, returnSchema } from '../../../extract/sources/shopify/schemas.ts';

const bag = (shop: string, presentment: string, currency = 'EUR') => ({
  shopMoney: { amount: shop, currencyCode: 'USD' },
  presentmentMoney: { amount: presentment, currencyCode: currency },
});

const order: GqlOrder = {
  id: 'gid://shopify/Order/5123456789012',
  name: '#1001',
  number: 1001,
  email: 'anna@example.com',
  createdAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-03-09T12:00:00Z',
  processedAt: '2026-03-01T10:00:00Z',
  cancelledAt: null,
  cancelReason: null,
  currencyCode: 'USD',
  presentmentCurrencyCode: 'EUR',
  subtotalPriceSet: bag('100.00', '92.00'),
  totalTaxSet: bag('8.00', '7.36'),
  totalPriceSet: bag('108.00', '99.36'),
  displayFinancialStatus: 'PARTIALLY_REFUNDED',
  displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
  sourceName: 'amazon',
  tags: ['VIP', '老客户'],
  customer: { id: 'gid://shopify/Customer/77', email: null, firstName: '花子', lastName: '佐藤' },
  shippingAddress: { firstName: '花子', lastName: '佐藤', city: '東京', province: 'Tokyo', zip: '100-0001', countryCodeV2: 'JP' },
  lineItems: {
    pageInfo: { hasNextPage: false },
    nodes: [
      {
        id: 'gid://shopify/LineItem/900',
        sku: 'SKU-1',
        title: '无线耳机 Pro',
        variantTitle: 'Black',
        quantity: 2,
        originalUnitPriceSet: bag('50.00', '46.00'),
        variant: { id: 'gid://shopify/ProductVariant/31' },
        product: null,
      },
    ],
  },
  fulfillments: [
    {
      id: 'gid://shopify/Fulfillment/400',
      status: 'SUCCESS',
      displayStatus: 'DELIVERED',
      createdAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-06T09:00:00Z',
      estimatedDeliveryAt: '2026-03-05T00:00:00Z',
      inTransitAt: '2026-03-02T12:00:00Z',
      deliveredAt: '2026-03-06T09:00:00Z',
      trackingInfo: [{ company: '顺丰速运', number: 'SF123', url: null }],
    },
    {
      id: 'gid://shopify/Fulfillment/401',
      status: 'SUCCESS',
      displayStatus: 'FULFILLED',
      createdAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
      estimatedDeliveryAt: null,
      inTransitAt: null,
      deliveredAt: null,
      trackingInfo: [],
    },
  ],
  refunds: [{ id: 'gid://shopify/Refund/600' }],
};

const refund: GqlRefund = {
  id: 'gid://shopify/Refund/600',
  createdAt: '2026-03-09T12:00:00Z',
  note: '尺码偏小',
  order: { id: order.id },
  return: { id: 'gid://shopify/Return/700' },
  refundLineItems: {
    nodes: [{ id: 'gid://shopify/RefundLineItem/650', quantity: 1, restockType: 'RETURN', lineItem: { id: 'gid://shopify/LineItem/900' }, subtotalSet: bag('50.00', '46.00') }],
  },
  transactions: {
    nodes: [{ id: 'gid://shopify/OrderTransaction/660', kind: 'REFUND', status: 'SUCCESS', gateway: 'shopify_payments', processedAt: '2026-03-09T12:00:01Z', amountSet: bag('50.00', '46.00') }],
  },
};

describe('shopify mapping', () => {
  it('turns gids into the numeric REST ids and refuses anything else', () => {
    expect(gidToId('gid://shopify/Order/5123456789012')).toBe(5123456789012);
    expect(gidToId('gid://shopify/LineItem/12?foo=bar')).toBe(12);
    expect(() => gidToId('5123')).toThrow(/not a Shopify global id/);
  });

  it('maps an order to the REST shape with shop and presentment money, REST enums, and its refunds', () => {
    const record = mapOrder(order, [refund]);
    expect(orderSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      id: 5123456789012,
      admin_graphql_api_id: order.id,
      order_number: 1001,
      currency: 'USD',
      presentment_currency: 'EUR',
      total_price: '108.00',
      total_price_set: { shop_money: { amount: '108.00', currency_code: 'USD' }, presentment_money: { amount: '99.36', currency_code: 'EUR' } },
      financial_status: 'partially_refunded',
      fulfillment_status: 'partial',
      source_name: 'amazon',
      tags: 'VIP, 老客户',
      customer: { id: 77, email: 'anna@example.com', first_name: '花子' },
      shipping_address: { country_code: 'JP', city: '東京' },
      line_items: [{ id: 900, product_id: null, variant_id: 31, price: '50.00', price_set: { presentment_money: { amount: '46.00', currency_code: 'EUR' } } }],
    });
    expect(record.fulfillments).toEqual([
      expect.objectContaining({ id: 400, order_id: 5123456789012, status: 'success', shipment_status: 'delivered', tracking_company: '顺丰速运', tracking_number: 'SF123', delivered_at: '2026-03-06T09:00:00Z' }),
      expect.objectContaining({ id: 401, shipment_status: null, display_status: 'FULFILLED', tracking_company: null, tracking_number: null }),
    ]);
    expect(record.refunds).toEqual([
      expect.objectContaining({
        id: 600,
        order_id: 5123456789012,
        processed_at: refund.createdAt,
        return_id: 700,
        refund_line_items: [expect.objectContaining({ id: 650, line_item_id: 900, quantity: 1, subtotal: '50.00', restock_type: 'return' })],
        transactions: [expect.objectContaining({ id: 660, kind: 'refund', status: 'success', amount: '50.00', currency: 'USD', amount_set: expect.objectContaining({ presentment_money: { amount: '46.00', currency_code: 'EUR' } }) })],
      }),
    ]);
    expect(mapOrder({ ...order, displayFulfillmentStatus: 'UNFULFILLED' }, []).fulfillment_status).toBeNull();
    expect(mapOrder({ ...order, displayFulfillmentStatus: 'FULFILLED' }, []).fulfillment_status).toBe('fulfilled');
  });

  it('maps returns and products', () => {
    const ret: GqlReturn = {
      id: 'gid://shopify/Return/700',
      name: '#1001-R1',
      status: 'CLOSED',
      createdAt: '2026-03-08T00:00:00Z',
      closedAt: '2026-03-09T12:00:00Z',
      order: { id: order.id },
      returnLineItems: { nodes: [{ id: 'gid://shopify/ReturnLineItem/710', quantity: 1, returnReason: 'SIZE_TOO_SMALL', returnReasonNote: '', customerNote: '小了', fulfillmentLineItem: { lineItem: { id: 'gid://shopify/LineItem/900' } } }] },
    };
    const r = mapReturn(ret);
    expect(returnSchema.safeParse(r).success).toBe(true);
    expect(r).toMatchObject({ id: 700, order_id: 5123456789012, status: 'CLOSED', return_line_items: [{ id: 710, line_item_id: 900, return_reason: 'SIZE_TOO_SMALL', customer_note: '小了' }] });
    const p = mapProduct({
      id: 'gid://shopify/Product/30',
      title: '保温杯',
      handle: 'cup',
      productType: '',
      vendor: null,
      status: 'ACTIVE',
      tags: [],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-02T00:00:00Z',
      variants: { nodes: [{ id: 'gid://shopify/ProductVariant/31', title: 'S', sku: null, price: '19.90', position: 1 }] },
    });
    expect(productSchema.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ id: 30, status: 'active', tags: '', variants: [{ id: 31, product_id: 30, price: '19.90' }] });
  });
});

describe('shopify throttle, paging and incremental rules', () => {
  it('pauses until the bucket holds the needed points', () => {
    expect(costPauseMs({ maximumAvailable: 1000, currentlyAvailable: 900, restoreRate: 100 }, 800)).toBe(0);
    expect(costPauseMs({ maximumAvailable: 1000, currentlyAvailable: 300, restoreRate: 100 }, 800)).toBe(5000);
    // Never waits for more than the bucket can hold.
    expect(costPauseMs({ maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 }, 5000)).toBe(20_000);
  });

  it('sizes pages to fit 95% of the 1,000-point query limit, within 1..max', () => {
    expect(nextPageSize(818, 4, 50)).toBe(4);
    expect(nextPageSize(102, 50, 50)).toBe(50);
    expect(nextPageSize(5000, 2, 50)).toBe(1);
    expect(nextPageSize(undefined, 7, 50)).toBe(7);
  });

  it('reads from the watermark minus the lookback, else the start date, else everything', () => {
    const config = { lookbackHours: 6, startDate: undefined };
    expect(readFrom(undefined, config)).toBeUndefined();
    expect(readFrom({ updated_at: '2026-03-10T12:00:00.000Z' }, config)).toBe('2026-03-10T06:00:00.000Z');
    expect(readFrom(undefined, { lookbackHours: 6, startDate: '2026-01-01T00:00:00.000Z' })).toBe('2026-01-01T00:00:00.000Z');
    expect(readFrom({ updated_at: '2026-01-01T02:00:00.000Z' }, { lookbackHours: 6, startDate: '2026-01-01T00:00:00.000Z' })).toBe('2026-01-01T00:00:00.000Z');
    expect(searchQuery('2026-03-10T06:00:00.000Z')).toBe("updated_at:>='2026-03-10T06:00:00Z'");
    expect(searchQuery(undefined)).toBeNull();
  });
});

describe('shopify config', () => {
  const base = { CSW_SHOPIFY_SHOP: 'my-shop.myshopify.com', CSW_SHOPIFY_ACCESS_TOKEN: 'shpat_x' };

  it('has defaults and accepts a base URL override', () => {
    expect(loadShopifyConfig(base)).toEqual({
      shop: 'my-shop.myshopify.com',
      accessToken: 'shpat_x',
      apiVersion: '2025-10',
      baseUrl: 'https://my-shop.myshopify.com',
      startDate: undefined,
      lookbackHours: 6,
      pageSize: 50,
    });
    const c = loadShopifyConfig({ ...base, CSW_SHOPIFY_SHOP: 'https://my-shop.myshopify.com/', CSW_SHOPIFY_BASE_URL: 'http://127.0.0.1:9/', CSW_SHOPIFY_START_DATE: '2026-01-01' });
    expect([c.shop, c.baseUrl, c.startDate]).toEqual(['my-shop.myshopify.com', 'http://127.0.0.1:9', '2026-01-01T00:00:00.000Z']);
  });

  it('names every missing or bad setting in one sentence, never the token', () => {
    expect(() => loadShopifyConfig({})).toThrow(/CSW_SHOPIFY_SHOP is missing.*CSW_SHOPIFY_ACCESS_TOKEN is missing/);
    expect(() => loadShopifyConfig({ ...base, CSW_SHOPIFY_SHOP: 'my-shop.com' })).toThrow(/CSW_SHOPIFY_SHOP must be the shop domain/);
    expect(() => loadShopifyConfig({ ...base, CSW_SHOPIFY_API_VERSION: 'latest', CSW_SHOPIFY_ACCESS_TOKEN: 'shpat_secret' })).toThrow(/^(?!.*shpat_secret).*CSW_SHOPIFY_API_VERSION must be a stable API version/);
  });
});
