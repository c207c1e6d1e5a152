{#- Product variants (the SKUs that are sold, returned and reviewed) from every commerce source: one branch per
    enabled source with Shopify-shaped products (the demo, the Shopify API), priced in the shop currency. -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_product_variants as (
    select * from {{ ref('stg_' ~ system ~ '__product_variants') }}
),

{{ system }}_product_variants_canonical as (
    select
        '{{ system }}-' || cast(variant_id as varchar) as product_variant_id,
        '{{ system }}' as source_system,
        cast(variant_id as varchar) as source_variant_id,
        '{{ system }}-' || cast(product_id as varchar) as product_id,
        variant_title,
        sku,
        price as list_price,
        'USD' as list_price_currency
    from {{ system }}_product_variants
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_product_variants_canonical') }}
)

select * from unioned
