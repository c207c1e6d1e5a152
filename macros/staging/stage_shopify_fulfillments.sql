{#- Staging of a Shopify-shaped `fulfillments` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_fulfillments(source_name) -%}
{{ staged_incrementally(source_name, 'orders', 'id', 'order_id') }}
with

source as (
    {{ latest_version(source(source_name, 'orders'), 'id') }}
),

fulfillments as (
    select
        id as order_id,
        unnest(
            from_json(
                fulfillments,
                '[{"id": "BIGINT", "order_id": "BIGINT", "status": "VARCHAR", "shipment_status": "VARCHAR", "tracking_company": "VARCHAR", "tracking_number": "VARCHAR", "created_at": "VARCHAR", "updated_at": "VARCHAR", "estimated_delivery_at": "VARCHAR", "delivered_at": "VARCHAR"}]'
            )
        ) as fulfillment,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        fulfillment.id as fulfillment_id,
        order_id,
        fulfillment.status as fulfillment_status,
        fulfillment.shipment_status as shipment_status,
        fulfillment.tracking_company as carrier,
        fulfillment.tracking_number as tracking_number,
        {{ to_utc('fulfillment.created_at') }} as shipped_at,
        {{ to_utc('fulfillment.updated_at') }} as updated_at,
        {{ to_utc('fulfillment.estimated_delivery_at') }} as promised_delivery_at,
        {{ to_utc('fulfillment.delivered_at') }} as delivered_at,
        _load_id,
        _extracted_at
    from fulfillments
)

select * from renamed
{%- endmacro %}
