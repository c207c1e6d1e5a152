-- Returns balance from the lake to staging to fct_returns to returns_refunds_weekly: return requests, returned
-- units, refunded returns; and the mart's order counts (each week x product x market once) add up to the
-- distinct order x product pairs of the orders that were not cancelled. Returns a row (a failure) when any
-- pair disagrees.
with

lake as (
    select count(distinct id) as returns from {{ source('demo', 'returns') }}
),

staging_returns as (
    select count(*) as returns from {{ ref('stg_demo__returns') }}
),

staging_return_lines as (
    select sum(quantity) as returned_units from {{ ref('stg_demo__return_lines') }}
),

staging_refunded_returns as (
    select count(distinct return_id) as returns_refunded
    from {{ ref('stg_demo__refunds') }}
    where return_id is not null
),

staging_order_products as (
    select count(*) as order_products
    from (
        select distinct
            order_lines.order_id,
            order_lines.product_id
        from {{ ref('stg_demo__order_lines') }} as order_lines
        inner join {{ ref('stg_demo__orders') }} as orders
            on order_lines.order_id = orders.order_id
        where not orders.is_cancelled
    ) as distinct_order_products
),

demo_facts as (
    select
        count(*) as returns,
        sum(returned_units) as returned_units,
        count(case when is_refunded then 1 end) as returns_refunded
    from {{ ref('fct_returns') }}
    where source_system = 'demo'
),

all_facts as (
    select
        count(*) as returns,
        sum(returned_units) as returned_units,
        count(case when is_refunded then 1 end) as returns_refunded
    from {{ ref('fct_returns') }}
),

mart as (
    select
        coalesce(sum(return_requests), 0) as returns,
        coalesce(sum(returned_units), 0) as returned_units,
        coalesce(sum(returns_refunded), 0) as returns_refunded
    from {{ ref('returns_refunds_weekly') }}
),

mart_orders as (
    select coalesce(sum(orders_with_product), 0) as order_products
    from (
        select distinct
            week_start_date,
            product_id,
            market_code,
            orders_with_product
        from {{ ref('returns_refunds_weekly') }}
    ) as week_product_markets
),

fact_order_products as (
    select count(*) as order_products
    from (
        select distinct
            order_id,
            product_id
        from {{ ref('fct_order_lines') }}
        where not is_cancelled
    ) as distinct_order_products
),

fact_demo_order_products as (
    select count(*) as order_products
    from (
        select distinct
            order_id,
            product_id
        from {{ ref('fct_order_lines') }}
        where not is_cancelled
            and source_system = 'demo'
    ) as distinct_order_products
)

select
    lake.returns as lake_returns,
    staging_returns.returns as staging_returns,
    demo_facts.returns as fact_returns,
    mart.returns as mart_returns,
    staging_return_lines.returned_units as staging_returned_units,
    demo_facts.returned_units as fact_returned_units,
    mart.returned_units as mart_returned_units,
    staging_refunded_returns.returns_refunded as staging_returns_refunded,
    demo_facts.returns_refunded as fact_returns_refunded,
    mart.returns_refunded as mart_returns_refunded,
    staging_order_products.order_products as staging_order_products,
    fact_demo_order_products.order_products as fact_order_products,
    mart_orders.order_products as mart_order_products
from lake
cross join staging_returns
cross join staging_return_lines
cross join staging_refunded_returns
cross join staging_order_products
cross join demo_facts
cross join all_facts
cross join mart
cross join mart_orders
cross join fact_order_products
cross join fact_demo_order_products
where lake.returns != staging_returns.returns
    or staging_returns.returns != demo_facts.returns
    or all_facts.returns != mart.returns
    or staging_return_lines.returned_units != demo_facts.returned_units
    or all_facts.returned_units != mart.returned_units
    or staging_refunded_returns.returns_refunded != demo_facts.returns_refunded
    or all_facts.returns_refunded != mart.returns_refunded
    or staging_order_products.order_products != fact_demo_order_products.order_products
    or fact_order_products.order_products != mart_orders.order_products
