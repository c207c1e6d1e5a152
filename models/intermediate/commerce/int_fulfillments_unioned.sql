{#- Fulfillments (shipments) from every commerce source, in one canonical shape (today: the demo's Shopify
    fulfillments, with the carrier's promised and actual delivery). -#}
with

demo_fulfillments as (
    select * from {{ ref('stg_demo__fulfillments') }}
),

demo_fulfillments_canonical as (
    select
        'demo-' || cast(fulfillment_id as varchar) as fulfillment_id,
        'demo' as source_system,
        fulfillment_id as source_fulfillment_id,
        'demo-' || cast(order_id as varchar) as order_id,
        fulfillment_status,
        shipment_status,
        carrier,
        tracking_number,
        shipped_at,
        promised_delivery_at,
        delivered_at,
        updated_at
    from demo_fulfillments
),

unioned as (
    select * from demo_fulfillments_canonical
)

select * from unioned
