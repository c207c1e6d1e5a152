{#- Staging of a Shopify-shaped `order_lines` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_order_lines(source_name) -%}
{{ staged_incrementally(source_name, 'orders', 'id', 'order_id') }}
with

source as (
    {{ latest_version(source(source_name, 'orders'), 'id') }}
),

lines as (
    select
        id as order_id,
        currency as order_currency,
        unnest(
            from_json(
                line_items,
                '[{"id": "BIGINT", "product_id": "BIGINT", "variant_id": "BIGINT", "sku": "VARCHAR", "title": "VARCHAR", "quantity": "BIGINT", "price": "VARCHAR"}]'
            )
        ) as line,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        line.id as order_line_id,
        order_id,
        line.product_id as product_id,
        line.variant_id as variant_id,
        line.sku as sku,
        line.title as product_title,
        line.quantity as quantity,
        cast(line.price as decimal(18, 2)) as unit_price,
        cast(line.price as decimal(18, 2)) * line.quantity as line_amount,
        order_currency,
        _load_id,
        _extracted_at
    from lines
)

select * from renamed
{%- endmacro %}
