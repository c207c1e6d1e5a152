{#- One row per product variant (the SKU level that is sold, returned and reviewed), with its product's
    attributes, from every commerce source. Roll up to products with product_id. -#}
with

products as (
    select * from {{ ref('int_products_unioned') }}
),

product_variants as (
    select * from {{ ref('int_product_variants_unioned') }}
),

final as (
    select
        product_variants.product_variant_id,
        product_variants.product_id,
        product_variants.source_system,
        products.source_product_id,
        product_variants.source_variant_id,
        product_variants.sku,
        products.product_title,
        product_variants.variant_title,
        products.product_type,
        products.vendor,
        products.product_status,
        product_variants.list_price,
        product_variants.list_price_currency,
        products.created_at as product_created_at,
        products.updated_at as product_updated_at
    from product_variants
    left join products
        on product_variants.product_id = products.product_id
)

select * from final
