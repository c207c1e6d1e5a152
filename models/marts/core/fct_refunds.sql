{#- One row per refund from every commerce source, of every kind: for a return, a cancellation, a lost parcel,
    goodwill for a late delivery, a product issue without a return, reimbursed import duties. Amounts in the
    refund's own currency, the order currency and the reporting currency (at the refund day's rates). -#}
with

refunds as (
    select * from {{ ref('int_refunds_converted') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

returns as (
    select * from {{ ref('int_returns_unioned') }}
),

final as (
    select
        refunds.refund_id,
        refunds.source_system,
        refunds.source_refund_id,
        refunds.order_id,
        refunds.return_id,
        -- a marketplace return's refund without a known order keeps the return's platform and market
        coalesce(orders.platform, returns.platform) as platform,
        coalesce(orders.market_code, returns.market_code) as market_code,
        orders.customer_id,
        refunds.refund_type,
        refunds.refund_note,
        refunds.refunded_at,
        refunds.refund_date,
        refunds.refund_currency,
        refunds.refund_amount,
        refunds.order_currency,
        refunds.refund_amount_order_currency,
        refunds.reporting_currency,
        refunds.refund_amount_reporting
    from refunds
    left join orders
        on refunds.order_id = orders.order_id
    left join returns
        on refunds.return_id = returns.return_id
)

select * from final
