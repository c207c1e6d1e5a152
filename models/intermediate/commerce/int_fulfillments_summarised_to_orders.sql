{{ incremental_by_key('order_id', 'int_orders_landed') }}
{#- One row per order that has shipped (at least one fulfillment): the order's shipment as one parcel.
    Orders ship in one parcel almost always (the demo: always); with several, the order is delivered when its
    last parcel is, promised for the latest promise, lost when any parcel is lost, and carrier, tracking
    number and shipment status are those of the first parcel shipped.
    A table kept incrementally: an incremental build rebuilds the orders in int_orders_landed (docs block
    `incremental_builds`). -#}
with

fulfillments as (
    select * from {{ ref('int_fulfillments_unioned') }}
    where {{ only_changed('order_id', 'int_orders_landed', 'order_id') }}
),

first_fulfillments as (
    select
        order_id,
        carrier,
        tracking_number,
        shipment_status
    from fulfillments
    qualify row_number() over (partition by order_id order by shipped_at, fulfillment_id) = 1
),

order_fulfillments as (
    select
        order_id,
        count(*) as fulfillment_count,
        min(shipped_at) as shipped_at,
        max(promised_delivery_at) as promised_delivery_at,
        case when count(delivered_at) = count(*) then max(delivered_at) end as delivered_at,
        max(case when shipment_status = 'failure' then 1 else 0 end) = 1 as has_lost_parcel
    from fulfillments
    group by 1
),

final as (
    select
        order_fulfillments.order_id,
        order_fulfillments.fulfillment_count,
        first_fulfillments.carrier,
        first_fulfillments.tracking_number,
        first_fulfillments.shipment_status,
        order_fulfillments.shipped_at,
        order_fulfillments.promised_delivery_at,
        order_fulfillments.delivered_at,
        order_fulfillments.has_lost_parcel
    from order_fulfillments
    inner join first_fulfillments
        on order_fulfillments.order_id = first_fulfillments.order_id
)

select * from final
