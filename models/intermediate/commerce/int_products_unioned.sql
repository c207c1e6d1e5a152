{#- Products from every commerce source, in one canonical shape: one branch per enabled source with
    Shopify-shaped products (the demo, the Shopify API). -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_products as (
    select * from {{ ref('stg_' ~ system ~ '__products') }}
),

{{ system }}_products_canonical as (
    select
        '{{ system }}-' || cast(product_id as varchar) as product_id,
        '{{ system }}' as source_system,
        cast(product_id as varchar) as source_product_id,
        product_title,
        product_type,
        vendor,
        product_status,
        created_at,
        updated_at
    from {{ system }}_products
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_products_canonical') }}
)

select * from unioned
