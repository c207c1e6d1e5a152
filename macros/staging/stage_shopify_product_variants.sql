{#- Staging of a Shopify-shaped `product_variants` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_product_variants(source_name) -%}
{{ staged_incrementally(source_name, 'products', 'id', 'product_id') }}
with

source as (
    {{ latest_version(source(source_name, 'products'), 'id') }}
),

variants as (
    select
        id as product_id,
        unnest(from_json(variants, '[{"id": "BIGINT", "title": "VARCHAR", "sku": "VARCHAR", "price": "VARCHAR"}]')) as variant,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        variant.id as variant_id,
        product_id,
        variant.title as variant_title,
        variant.sku as sku,
        cast(variant.price as decimal(18, 2)) as price,
        _load_id,
        _extracted_at
    from variants
)

select * from renamed
{%- endmacro %}
