{#- Product variants (the SKUs that are sold, returned and reviewed) from every commerce source (today: the
    demo's Shopify variants, priced in the shop currency, USD). -#}
with

demo_product_variants as (
    select * from {{ ref('stg_demo__product_variants') }}
),

demo_product_variants_canonical as (
    select
        'demo-' || cast(variant_id as varchar) as product_variant_id,
        'demo' as source_system,
        variant_id as source_variant_id,
        'demo-' || cast(product_id as varchar) as product_id,
        variant_title,
        sku,
        price as list_price,
        'USD' as list_price_currency
    from demo_product_variants
),

unioned as (
    select * from demo_product_variants_canonical
)

select * from unioned
