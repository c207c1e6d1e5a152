{#- Fulfillments (shipments) from every commerce source, in one canonical shape: one branch per enabled source
    with Shopify-shaped orders (the demo, the Shopify API), with the carrier's promised and actual delivery. -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_fulfillments as (
    select * from {{ ref('stg_' ~ system ~ '__fulfillments') }}
),

{{ system }}_fulfillments_canonical as (
    select
        '{{ system }}-' || cast(fulfillment_id as varchar) as fulfillment_id,
        '{{ system }}' as source_system,
        cast(fulfillment_id as varchar) as source_fulfillment_id,
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        fulfillment_status,
        shipment_status,
        carrier,
        tracking_number,
        shipped_at,
        promised_delivery_at,
        delivered_at,
        updated_at
    from {{ system }}_fulfillments
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_fulfillments_canonical') }}
)

select * from unioned
