{#- Refunds from every commerce source, in one canonical shape, with what each refund is for (refund_type): one
    branch per enabled source with Shopify-shaped refunds (the demo, the Shopify API), whose note names the
    reason (see the demo README); a refund that settles a return is a `return` refund whatever its note says. -#}
with

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

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_refunds_canonical') }}
)

select * from unioned
