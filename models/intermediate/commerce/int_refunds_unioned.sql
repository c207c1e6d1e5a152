{#- Refunds from every commerce source, in one canonical shape, with what each refund is for (refund_type): one
    branch per enabled source with Shopify-shaped refunds (the demo, the Shopify API), whose note names the
    reason (see the demo README); a refund that settles a return is a `return` refund whatever its note says.
    Marketplace return reports (return files of `files`) give one refund per return: the sum of its lines'
    refund amounts. -#}
with

returns as (
    select * from {{ ref('int_returns_unioned') }}
),

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_refunds as (
    select * from {{ ref('stg_' ~ system ~ '__refunds') }}
),

{{ system }}_refunds_canonical as (
    select
        '{{ system }}-' || cast(refund_id as varchar) as refund_id,
        '{{ system }}' as source_system,
        cast(refund_id as varchar) as source_refund_id,
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        '{{ system }}-' || cast(return_id as varchar) as return_id,
        case
            when return_id is not null then 'return'
            when lower(refund_note) like '%cancel%' then 'cancellation'
            when lower(refund_note) like 'lost in transit%' then 'lost_parcel'
            when lower(refund_note) like '%late delivery%' then 'late_delivery_goodwill'
            when lower(refund_note) like '%product issue%' then 'product_issue'
            when lower(refund_note) like '%duties%' then 'duties'
            else 'other'
        end as refund_type,
        refund_note,
        refund_amount,
        refund_currency,
        order_currency,
        created_at as refunded_at
    from {{ system }}_refunds
),
{% endfor %}

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_refunds_canonical as (
    -- a return report gives the refund of each returned product: one refund per return, their sum
    select
        '{{ system }}-' || lines.return_id || ':refund' as refund_id,
        '{{ system }}' as source_system,
        lines.return_id || ':refund' as source_refund_id,
        any_value(returns.order_id) as order_id,
        '{{ system }}-' || lines.return_id as return_id,
        'return' as refund_type,
        cast(null as varchar) as refund_note,
        cast(sum(lines.refund_amount) as decimal(38, 2)) as refund_amount,
        coalesce(min(lines.refund_currency), any_value(orders.order_currency)) as refund_currency,
        -- without the order, amounts stay in the refund's own currency
        coalesce(any_value(orders.order_currency), min(lines.refund_currency)) as order_currency,
        -- a refund without a time was issued when the return was requested, the only time the report gives
        coalesce(max(lines.refunded_at), min(lines.requested_at)) as refunded_at
    from {{ ref('stg_' ~ system ~ '__return_lines') }} as lines
    inner join returns
        on '{{ system }}-' || lines.return_id = returns.return_id
    left join orders
        on returns.order_id = orders.order_id
    where lines.refund_amount is not null
    group by lines.return_id
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_refunds_canonical') }}
)

select * from unioned
