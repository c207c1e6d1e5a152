{{ incremental_by_key('order_id', 'int_orders_changed') }}
{#- One row per order line from every commerce source: the product variant sold, units, amounts in the order
    currency and the reporting currency (at the order day's rates), and how many of its units were returned.
    Order attributes (platform, market, customer, dates) come from fct_orders, so both agree.
    Incremental: an incremental build rebuilds the lines of the orders in int_orders_changed (docs block
    `incremental_builds`). -#}
with

order_lines as (
    select * from {{ ref('int_order_lines_unioned') }}
    where {{ only_changed('order_id', 'int_orders_changed', 'order_id') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
    where {{ only_changed('order_id', 'int_orders_changed', 'order_id') }}
),

return_lines as (
    select * from {{ ref('int_return_lines_unioned') }}
),

returned_units as (
    select
        order_line_id,
        sum(quantity) as returned_quantity
    from return_lines
    group by 1
),

final as (
    select
        order_lines.order_line_id,
        order_lines.source_system,
        order_lines.source_order_line_id,
        order_lines.order_id,
        order_lines.product_variant_id,
        order_lines.product_id,
        order_lines.sku,
        order_lines.product_title,
        orders.platform,
        orders.market_code,
        orders.customer_id,
        orders.ordered_at,
        orders.order_date,
        orders.is_cancelled,
        order_lines.quantity,
        order_lines.order_currency,
        order_lines.unit_price,
        order_lines.line_amount,
        {{ reporting_currency_literal() }} as reporting_currency,
        {{ to_reporting_currency('order_lines.line_amount', 'order_lines.order_currency', 'line_rates', 'reporting_rates') }}
            as line_amount_reporting,
        coalesce(returned_units.returned_quantity, 0) as returned_quantity,
        returned_units.order_line_id is not null as is_returned
    from order_lines
    inner join orders
        on order_lines.order_id = orders.order_id
    left join returned_units
        on order_lines.order_line_id = returned_units.order_line_id
    {{ currency_rates_join('line_rates', 'order_lines.order_currency', 'orders.ordered_at') }}
    {{ reporting_currency_rates_join('reporting_rates', 'orders.ordered_at') }}
)

select * from final
