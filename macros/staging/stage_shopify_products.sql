{#- Staging of a Shopify-shaped `products` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_products(source_name) -%}
{{ staged_incrementally(source_name, 'products', 'id', 'product_id') }}
with

source as (
    {{ latest_version(source(source_name, 'products'), 'id') }}
),

renamed as (
    select
        id as product_id,
        title as product_title,
        product_type,
        vendor,
        status as product_status,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
