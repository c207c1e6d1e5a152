-- Refund counts and totals balance from staging to fct_refunds, from fct_refunds to the order totals in
-- fct_orders (refunds of every kind, with or without a return), and for the refunds that settle a return, to
-- fct_returns and returns_refunds_weekly. Amounts compare in the refund's own currency (staging to facts), the
-- order currency (refunds to orders and returns) and the reporting currency (refunds to orders, returns and the
-- mart). Returns a row (a failure) when any pair disagrees.
with

staging as (
    select
        count(*) as refunds,
        count(return_id) as return_refunds,
        sum(refund_amount) as refund_amount,
        sum(case when return_id is null then refund_amount else 0 end) as refund_amount_without_return
    from {{ ref('stg_demo__refunds') }}
),

demo_refunds as (
    select
        count(*) as refunds,
        count(return_id) as return_refunds,
        sum(refund_amount) as refund_amount,
        sum(case when return_id is null then refund_amount else 0 end) as refund_amount_without_return
    from {{ ref('fct_refunds') }}
    where source_system = 'demo'
),

all_refunds as (
    select
        count(*) as refunds,
        count(return_id) as return_refunds,
        sum(refund_amount_order_currency) as refund_amount_order_currency,
        sum(refund_amount_reporting) as refund_amount_reporting,
        sum(case when return_id is not null then refund_amount_order_currency else 0 end)
            as return_refund_amount_order_currency,
        sum(case when return_id is not null then refund_amount_reporting else 0 end)
            as return_refund_amount_reporting
    from {{ ref('fct_refunds') }}
),

orders as (
    select
        sum(refund_count) as refunds,
        sum(refunded_amount) as refund_amount_order_currency,
        sum(refunded_amount_reporting) as refund_amount_reporting
    from {{ ref('fct_orders') }}
),

returns as (
    select
        sum(refund_count) as return_refunds,
        sum(refund_amount) as refund_amount_order_currency,
        sum(refund_amount_reporting) as refund_amount_reporting
    from {{ ref('fct_returns') }}
),

mart as (
    select coalesce(sum(refund_amount_reporting), 0) as refund_amount_reporting
    from {{ ref('returns_refunds_weekly') }}
)

select
    staging.refunds as staging_refunds,
    demo_refunds.refunds as fact_refunds,
    orders.refunds as order_refunds,
    staging.refund_amount as staging_refund_amount,
    demo_refunds.refund_amount as fact_refund_amount,
    staging.refund_amount_without_return as staging_refund_amount_without_return,
    demo_refunds.refund_amount_without_return as fact_refund_amount_without_return,
    all_refunds.refund_amount_order_currency as refunds_order_currency,
    orders.refund_amount_order_currency as orders_order_currency,
    all_refunds.refund_amount_reporting as refunds_reporting,
    orders.refund_amount_reporting as orders_reporting,
    all_refunds.return_refund_amount_reporting as return_refunds_reporting,
    returns.refund_amount_reporting as returns_reporting,
    mart.refund_amount_reporting as mart_reporting
from staging
cross join demo_refunds
cross join all_refunds
cross join orders
cross join returns
cross join mart
where staging.refunds != demo_refunds.refunds
    or staging.return_refunds != demo_refunds.return_refunds
    or staging.refund_amount != demo_refunds.refund_amount
    or staging.refund_amount_without_return != demo_refunds.refund_amount_without_return
    or all_refunds.refunds != orders.refunds
    or all_refunds.refund_amount_order_currency != orders.refund_amount_order_currency
    or all_refunds.refund_amount_reporting != orders.refund_amount_reporting
    or all_refunds.return_refunds != returns.return_refunds
    or all_refunds.return_refund_amount_order_currency != returns.refund_amount_order_currency
    or all_refunds.return_refund_amount_reporting != returns.refund_amount_reporting
    or returns.refund_amount_reporting != mart.refund_amount_reporting
