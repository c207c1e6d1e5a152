{{ incremental_by_key('order_id', 'int_orders_remeasured') }}
{#- int_conversations_changed and int_customers_changed read this table's previous build: they must run first -#}
{%- do ref('int_conversations_changed') %}
{%- do ref('int_customers_changed') %}
{#- One row per order from every commerce source: where it went, what it cost (original and reporting
    currency), how its delivery went against the promise, and what came back (returns, refunds of every kind).
    Definitions: see the docs blocks in _core__commerce__docs.md.
    Incremental: an incremental build rebuilds the orders in int_orders_remeasured (docs block `incremental_builds`). -#}
with

orders as (
    select * from {{ ref('int_orders_unioned') }}
    where {{ only_changed('order_id', 'int_orders_remeasured', 'order_id') }}
),

order_lines as (
    select * from {{ ref('int_order_lines_unioned') }}
    where {{ only_changed('order_id', 'int_orders_remeasured', 'order_id') }}
),

shipments as (
    select * from {{ ref('int_fulfillments_summarised_to_orders') }}
    where {{ only_changed('order_id', 'int_orders_remeasured', 'order_id') }}
),

refunds as (
    select * from {{ ref('int_refunds_converted') }}
    where {{ only_changed('order_id', 'int_orders_remeasured', 'order_id') }}
),

returns as (
    select * from {{ ref('int_returns_unioned') }}
    where {{ only_changed('order_id', 'int_orders_remeasured', 'order_id') }}
),

markets as (
    select * from {{ ref('markets') }}
),

order_line_totals as (
    select
        order_id,
        count(*) as line_count,
        sum(quantity) as units
    from order_lines
    group by 1
),

order_refunds as (
    select
        order_id,
        count(*) as refund_count,
        sum(refund_amount_order_currency) as refunded_amount,
        sum(refund_amount_reporting) as refunded_amount_reporting
    from refunds
    group by 1
),

order_returns as (
    select
        order_id,
        count(*) as return_count
    from returns
    group by 1
),

source_horizons as (
    {{ order_source_horizons() }}
),

deliveries as (
    select
        orders.order_id,
        shipments.carrier,
        shipments.shipment_status,
        shipments.fulfillment_count,
        shipments.shipped_at,
        shipments.promised_delivery_at,
        shipments.delivered_at,
        shipments.has_lost_parcel,
        cast({{ utc_to_local('shipments.promised_delivery_at', "coalesce(markets.time_zone, 'UTC')") }} as date)
            as promised_delivery_date,
        cast({{ utc_to_local('shipments.delivered_at', "coalesce(markets.time_zone, 'UTC')") }} as date)
            as delivered_date,
        cast({{ utc_to_local('source_horizons.source_updated_until', "coalesce(markets.time_zone, 'UTC')") }} as date)
            as source_updated_until_date
    from orders
    inner join shipments
        on orders.order_id = shipments.order_id
    left join markets
        on orders.market_code = markets.market_code
    left join source_horizons
        on orders.source_system = source_horizons.source_system
),

delivery_delays as (
    select
        deliveries.*,
        {{ dbt.datediff('deliveries.promised_delivery_date', 'deliveries.delivered_date', 'day') }}
            as delivery_delay_days
    from deliveries
),

final as (
    select
        orders.order_id,
        orders.source_system,
        orders.source_order_id,
        orders.order_number,
        orders.platform,
        orders.market_code,
        orders.customer_id,
        {{ customer_key('orders.customer_email', 'orders.customer_id') }} as customer_key,
        orders.customer_email,
        orders.ordered_at,
        cast(orders.ordered_at as date) as order_date,
        orders.updated_at,
        orders.financial_status,
        coalesce(orders.fulfillment_status, 'unfulfilled') as fulfillment_status,
        orders.is_cancelled,
        orders.cancelled_at,
        coalesce(order_line_totals.line_count, 0) as line_count,
        coalesce(order_line_totals.units, 0) as units,
        orders.order_currency,
        orders.subtotal_amount,
        orders.tax_amount,
        orders.total_amount,
        orders.presentment_currency,
        orders.presentment_total_amount,
        {{ reporting_currency_literal() }} as reporting_currency,
        {{ to_reporting_currency('orders.subtotal_amount', 'orders.order_currency', 'order_rates', 'reporting_rates') }}
            as subtotal_amount_reporting,
        {{ to_reporting_currency('orders.total_amount', 'orders.order_currency', 'order_rates', 'reporting_rates') }}
            as total_amount_reporting,
        delivery_delays.carrier,
        delivery_delays.shipment_status,
        case
            when delivery_delays.delivered_at is not null then 'delivered'
            when delivery_delays.has_lost_parcel then 'lost'
            when delivery_delays.order_id is not null then 'in_transit'
            when orders.is_cancelled then 'cancelled'
            else 'not_shipped'
        end as delivery_status,
        coalesce(delivery_delays.fulfillment_count, 0) as fulfillment_count,
        delivery_delays.shipped_at,
        delivery_delays.promised_delivery_at,
        delivery_delays.delivered_at,
        delivery_delays.promised_delivery_date,
        delivery_delays.delivered_date,
        delivery_delays.delivery_delay_days,
        case
            when delivery_delays.delivered_at is not null then delivery_delays.delivery_delay_days > 0
            when delivery_delays.has_lost_parcel then true
            when delivery_delays.source_updated_until_date > delivery_delays.promised_delivery_date then true
        end as is_late,
        coalesce(delivery_delays.has_lost_parcel, false) as is_lost,
        order_returns.order_id is not null as has_return,
        coalesce(order_returns.return_count, 0) as return_count,
        order_refunds.order_id is not null as has_refund,
        coalesce(order_refunds.refund_count, 0) as refund_count,
        coalesce(order_refunds.refunded_amount, 0) as refunded_amount,
        coalesce(order_refunds.refunded_amount_reporting, 0) as refunded_amount_reporting
    from orders
    left join order_line_totals
        on orders.order_id = order_line_totals.order_id
    left join delivery_delays
        on orders.order_id = delivery_delays.order_id
    left join order_returns
        on orders.order_id = order_returns.order_id
    left join order_refunds
        on orders.order_id = order_refunds.order_id
    {{ currency_rates_join('order_rates', 'orders.order_currency', 'orders.ordered_at') }}
    {{ reporting_currency_rates_join('reporting_rates', 'orders.ordered_at') }}
)

select * from final
