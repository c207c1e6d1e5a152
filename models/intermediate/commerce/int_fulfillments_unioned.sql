{{ incremental_by_key('order_id', 'int_orders_landed') }}
{#- Fulfillments (shipments) from every commerce source, in one canonical shape: one branch per enabled source
    with Shopify-shaped orders (the demo, the Shopify API), with the carrier's promised and actual delivery.
    A table kept incrementally: an incremental build rebuilds the orders in int_orders_landed (docs block
    `incremental_builds`). -#}
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

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_fulfillments_canonical as (
    -- an order report gives shipping per line: lines of one order with one tracking number are one parcel
    select
        '{{ system }}-' || order_id || ':' || coalesce(tracking_number, 'parcel') as fulfillment_id,
        '{{ system }}' as source_system,
        order_id || ':' || coalesce(tracking_number, 'parcel') as source_fulfillment_id,
        '{{ system }}-' || order_id as order_id,
        'success' as fulfillment_status,
        case when count(delivered_at) = count(*) then 'delivered' else 'in_transit' end as shipment_status,
        max(carrier) as carrier,
        tracking_number,
        min(shipped_at) as shipped_at,
        max(promised_delivery_at) as promised_delivery_at,
        case when count(delivered_at) = count(*) then max(delivered_at) end as delivered_at,
        greatest(max(shipped_at), max(delivered_at)) as updated_at
    from {{ ref('stg_' ~ system ~ '__order_lines') }}
    where shipped_at is not null or delivered_at is not null
    group by order_id, tracking_number
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_fulfillments_canonical') }}
)

select * from unioned
where {{ only_changed('order_id', 'int_orders_landed', 'order_id') }}
