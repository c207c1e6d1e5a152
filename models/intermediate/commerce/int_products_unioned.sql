{#- Products from every commerce source, in one canonical shape (today: the demo's Shopify products). -#}
with

demo_products as (
    select * from {{ ref('stg_demo__products') }}
),

demo_products_canonical as (
    select
        'demo-' || cast(product_id as varchar) as product_id,
        'demo' as source_system,
        product_id as source_product_id,
        product_title,
        product_type,
        vendor,
        product_status,
        created_at,
        updated_at
    from demo_products
),

unioned as (
    select * from demo_products_canonical
)

select * from unioned
