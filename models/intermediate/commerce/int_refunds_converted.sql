{#- Every refund with its amount in the currency of its order and in the reporting currency, each at the rates
    of the day it was refunded (see the `convert_currency` macro). Refunds without a return (cancellations,
    lost parcels, goodwill, duties) are here too, so order-level refund totals include them. -#}
with

refunds as (
    select * from {{ ref('int_refunds_unioned') }}
),

final as (
    select
        refunds.refund_id,
        refunds.source_system,
        refunds.source_refund_id,
        refunds.order_id,
        refunds.return_id,
        refunds.refund_type,
        refunds.refund_note,
        refunds.refunded_at,
        cast(refunds.refunded_at as date) as refund_date,
        refunds.refund_currency,
        refunds.refund_amount,
        refunds.order_currency,
        {{ convert_currency(
            'refunds.refund_amount', 'refunds.refund_currency', 'refunds.order_currency', 'refund_rates', 'order_rates'
        ) }} as refund_amount_order_currency,
        {{ reporting_currency_literal() }} as reporting_currency,
        {{ to_reporting_currency('refunds.refund_amount', 'refunds.refund_currency', 'refund_rates', 'reporting_rates') }}
            as refund_amount_reporting
    from refunds
    {{ currency_rates_join('refund_rates', 'refunds.refund_currency', 'refunds.refunded_at') }}
    {{ currency_rates_join('order_rates', 'refunds.order_currency', 'refunds.refunded_at') }}
    {{ reporting_currency_rates_join('reporting_rates', 'refunds.refunded_at') }}
)

select * from final
