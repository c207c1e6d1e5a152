{#- Returns and refunds by week x return reason x product x market, for BI dashboards: how many returns, why,
    of what, where, at what rate, how fast they were refunded and what that cost in the reporting currency.
    Definitions (week, return rate and its denominator, processing days): see _returns__models.yml. -#}
with

returns as (
    select * from {{ ref('fct_returns') }}
),

order_lines as (
    select * from {{ ref('fct_order_lines') }}
),

products as (
    select * from {{ ref('dim_products') }}
),

markets as (
    select * from {{ ref('dim_markets') }}
),

weekly_returns as (
    select
        cast({{ dbt.date_trunc('week', 'requested_date') }} as date) as week_start_date,
        return_reason,
        coalesce(product_id, 'unknown') as product_id,
        coalesce(market_code, 'unknown') as market_code,
        count(*) as return_requests,
        count(case when is_refunded then 1 end) as returns_refunded,
        sum(returned_units) as returned_units,
        avg(processing_days) as avg_processing_days,
        percentile_cont(0.5) within group (order by processing_days) as median_processing_days,
        sum(refund_amount_reporting) as refund_amount_reporting
    from returns
    group by 1, 2, 3, 4
),

weekly_orders as (
    select
        cast({{ dbt.date_trunc('week', 'order_date') }} as date) as week_start_date,
        coalesce(product_id, 'unknown') as product_id,
        coalesce(market_code, 'unknown') as market_code,
        count(distinct order_id) as orders_with_product
    from order_lines
    where not is_cancelled
    group by 1, 2, 3
),

weeks_without_returns as (
    select
        weekly_orders.week_start_date,
        'none' as return_reason,
        weekly_orders.product_id,
        weekly_orders.market_code,
        0 as return_requests,
        0 as returns_refunded,
        0 as returned_units,
        cast(null as double) as avg_processing_days,
        cast(null as double) as median_processing_days,
        0 as refund_amount_reporting
    from weekly_orders
    where not exists (
        select 1
        from weekly_returns
        where weekly_returns.week_start_date = weekly_orders.week_start_date
            and weekly_returns.product_id = weekly_orders.product_id
            and weekly_returns.market_code = weekly_orders.market_code
    )
),

weekly_rows as (
    select * from weekly_returns
    union all
    select * from weeks_without_returns
),

product_names as (
    select
        product_id,
        min(product_title) as product_title,
        min(product_type) as product_type
    from products
    group by 1
),

final as (
    select
        weekly_rows.week_start_date,
        weekly_rows.return_reason,
        weekly_rows.product_id,
        coalesce(product_names.product_title, 'unknown') as product_title,
        coalesce(product_names.product_type, 'unknown') as product_type,
        weekly_rows.market_code,
        coalesce(markets.country_name, 'unknown') as country_name,
        weekly_rows.return_requests,
        weekly_rows.returns_refunded,
        weekly_rows.returned_units,
        coalesce(weekly_orders.orders_with_product, 0) as orders_with_product,
        cast(weekly_rows.return_requests as double) / nullif(weekly_orders.orders_with_product, 0) as return_rate,
        round(weekly_rows.avg_processing_days, 2) as avg_processing_days,
        round(weekly_rows.median_processing_days, 2) as median_processing_days,
        {{ reporting_currency_literal() }} as reporting_currency,
        cast(weekly_rows.refund_amount_reporting as decimal(18, 2)) as refund_amount_reporting
    from weekly_rows
    left join weekly_orders
        on weekly_rows.week_start_date = weekly_orders.week_start_date
        and weekly_rows.product_id = weekly_orders.product_id
        and weekly_rows.market_code = weekly_orders.market_code
    left join product_names
        on weekly_rows.product_id = product_names.product_id
    left join markets
        on weekly_rows.market_code = markets.market_code
)

select * from final
