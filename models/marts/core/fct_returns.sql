{#- One row per return request from every commerce source: why (the reason of its main line), what (product of
    the main line, units), where (the order's platform and market), how long it took from request to refund, and
    what it cost (refunds that settle it, in the order currency and the reporting currency). Definitions: see
    the docs blocks in _core__commerce__docs.md. -#}
with

returns as (
    select * from {{ ref('int_returns_unioned') }}
),

return_lines as (
    select * from {{ ref('int_return_lines_unioned') }}
),

order_lines as (
    select * from {{ ref('int_order_lines_unioned') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

refunds as (
    select * from {{ ref('int_refunds_converted') }}
),

return_line_totals as (
    select
        return_id,
        count(*) as return_line_count,
        sum(quantity) as returned_units
    from return_lines
    group by 1
),

main_return_lines as (
    -- The line a return is reported under: the one with the most units, then the first.
    select
        return_lines.return_id,
        return_lines.return_reason,
        order_lines.product_variant_id,
        order_lines.product_id,
        order_lines.sku,
        order_lines.product_title
    from return_lines
    left join order_lines
        on return_lines.order_line_id = order_lines.order_line_id
    qualify row_number() over (
        partition by return_lines.return_id
        order by return_lines.quantity desc, return_lines.return_line_id
    ) = 1
),

return_refunds as (
    select
        return_id,
        count(*) as refund_count,
        min(refunded_at) as refunded_at,
        sum(refund_amount_order_currency) as refund_amount,
        min(order_currency) as order_currency,
        sum(refund_amount_reporting) as refund_amount_reporting
    from refunds
    where return_id is not null
    group by 1
),

final as (
    select
        returns.return_id,
        returns.source_system,
        returns.source_return_id,
        returns.return_number,
        returns.order_id,
        orders.order_number,
        orders.customer_id,
        -- a marketplace return without a known order keeps its own platform and market
        coalesce(orders.platform, returns.platform) as platform,
        coalesce(orders.market_code, returns.market_code) as market_code,
        returns.return_status,
        coalesce(main_return_lines.return_reason, 'unknown') as return_reason,
        main_return_lines.product_variant_id,
        main_return_lines.product_id,
        main_return_lines.sku,
        main_return_lines.product_title,
        coalesce(return_line_totals.return_line_count, 0) as return_line_count,
        coalesce(return_line_totals.returned_units, 0) as returned_units,
        returns.requested_at,
        cast(returns.requested_at as date) as requested_date,
        returns.received_at,
        return_refunds.refunded_at,
        returns.closed_at,
        return_refunds.return_id is not null as is_refunded,
        round({{ seconds_between('returns.requested_at', 'return_refunds.refunded_at') }} / 86400.0, 2)
            as processing_days,
        coalesce(return_refunds.refund_count, 0) as refund_count,
        coalesce(orders.order_currency, return_refunds.order_currency) as refund_currency,
        coalesce(return_refunds.refund_amount, 0) as refund_amount,
        {{ reporting_currency_literal() }} as reporting_currency,
        coalesce(return_refunds.refund_amount_reporting, 0) as refund_amount_reporting
    from returns
    left join orders
        on returns.order_id = orders.order_id
    left join return_line_totals
        on returns.return_id = return_line_totals.return_id
    left join main_return_lines
        on returns.return_id = main_return_lines.return_id
    left join return_refunds
        on returns.return_id = return_refunds.return_id
)

select * from final
