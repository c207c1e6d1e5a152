/**
 * The GraphQL Admin API documents the connector sends (field names from the Admin API reference, 2025-10).
 *
 * Cost shapes the queries: Shopify charges a query its *requested* cost up front (objects 1 point, connections
 * 2 + first x the node's cost) and refuses any single query above 1,000 points. Refunds are the expensive part of an
 * order (lines and transactions, each with shop and presentment money), and most orders have none, so the orders
 * query asks only for the refund ids and `REFUNDS_QUERY` fetches the refunds of a page in one `nodes` call. Nested
 * limits are variables, so a page's size can shrink to fit the budget without a second document.
 */

const MONEY = `fragment Money on MoneyBag { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }`;
const LINE_ITEM = `fragment LineItemFields on LineItem { id sku title variantTitle quantity originalUnitPriceSet { ...Money } variant { id } product { id } }`;

export const ORDERS_QUERY = `query ShopifyOrders($first: Int!, $after: String, $query: String, $lineItems: Int!, $fulfillments: Int!, $refunds: Int!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name number email createdAt updatedAt processedAt cancelledAt cancelReason
      currencyCode presentmentCurrencyCode
      subtotalPriceSet { ...Money } totalTaxSet { ...Money } totalPriceSet { ...Money }
      displayFinancialStatus displayFulfillmentStatus sourceName tags
      customer { id email firstName lastName }
      shippingAddress { firstName lastName city province zip countryCodeV2 }
      lineItems(first: $lineItems) {
        pageInfo { hasNextPage endCursor }
        nodes { ...LineItemFields }
      }
      fulfillments(first: $fulfillments) {
        id status displayStatus createdAt updatedAt estimatedDeliveryAt inTransitAt deliveredAt
        trackingInfo(first: 1) { company number url }
      }
      refunds(first: $refunds) { id }
    }
  }
}
${LINE_ITEM}
${MONEY}`;

/** The rest of an order's line items, when it has more than the orders query reads. */
export const ORDER_LINE_ITEMS_QUERY = `query ShopifyOrderLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    lineItems(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { ...LineItemFields }
    }
  }
}
${LINE_ITEM}
${MONEY}`;

export const REFUNDS_BY_ID_QUERY = `query ShopifyRefunds($ids: [ID!]!, $refundLineItems: Int!, $transactions: Int!) {
  nodes(ids: $ids) {
    ... on Refund {
      id createdAt note
      order { id }
      return { id }
      refundLineItems(first: $refundLineItems) {
        pageInfo { hasNextPage }
        nodes { id quantity restockType lineItem { id } subtotalSet { ...Money } }
      }
      transactions(first: $transactions) {
        pageInfo { hasNextPage }
        nodes { id kind status gateway processedAt amountSet { ...Money } }
      }
    }
  }
}
${MONEY}`;

/** The returns stream pages orders (cheaply: ids only) and fetches their returns with `RETURNS_BY_ID_QUERY`. */
export const ORDER_RETURN_IDS_QUERY = `query ShopifyOrderReturnIds($first: Int!, $after: String, $query: String, $returns: Int!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id updatedAt
      returns(first: $returns) { pageInfo { hasNextPage } nodes { id } }
    }
  }
}`;

export const RETURNS_BY_ID_QUERY = `query ShopifyReturns($ids: [ID!]!, $returnLineItems: Int!) {
  nodes(ids: $ids) {
    ... on Return {
      id name status createdAt closedAt
      order { id }
      returnLineItems(first: $returnLineItems) {
        pageInfo { hasNextPage }
        nodes {
          id quantity returnReason returnReasonNote customerNote
          ... on ReturnLineItem { fulfillmentLineItem { lineItem { id } } }
        }
      }
    }
  }
}`;

export const PRODUCTS_QUERY = `query ShopifyProducts($first: Int!, $after: String, $query: String, $variants: Int!) {
  products(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id title handle productType vendor status tags createdAt updatedAt
      variants(first: $variants) {
        pageInfo { hasNextPage }
        nodes { id title sku price position }
      }
    }
  }
}`;

/**
 * Nested connection sizes. An order's further line items are paged with `ORDER_LINE_ITEMS_QUERY`; any other nested
 * list longer than these is logged as a warning naming the record.
 */
export const NESTED = {
  lineItems: 25,
  fulfillments: 10,
  refunds: 20,
  refundLineItems: 50,
  transactions: 10,
  returns: 10,
  returnLineItems: 50,
  variants: 100,
} as const;

/** Refunds per `nodes` call: each costs up to 3 + (2 + 50 x 5) + (2 + 10 x 4) = 297 points at the limits above. */
export const REFUNDS_PER_CALL = 3;
/** Returns per `nodes` call: each costs up to 2 + (2 + 50 x 3) = 154 points. */
export const RETURNS_PER_CALL = 6;
/** Line items per `ORDER_LINE_ITEMS_QUERY` page: 2 + 150 x 6 = 902 points. */
export const LINE_ITEMS_PER_PAGE = 150;
/** Shopify refuses any single query whose requested cost is above this. */
export const MAX_QUERY_COST = 1000;
