{#- One row per product review from every source: stars, platform, market, language, and, where they can be
    told, the order (by the review's order number on the same platform) and the product variant (by SKU). -#}
with

reviews as (
    select * from {{ ref('int_reviews_unioned') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

product_variants as (
    select * from {{ ref('int_product_variants_unioned') }}
),

order_numbers as (
    -- An order number links only when it names exactly one order on its platform.
    select
        platform,
        order_number,
        min(order_id) as order_id,
        min(customer_id) as customer_id
    from orders
    group by 1, 2
    having count(*) = 1
),

skus as (
    -- A SKU links only when exactly one product variant carries it.
    select
        sku,
        min(product_variant_id) as product_variant_id,
        min(product_id) as product_id
    from product_variants
    where sku is not null
    group by 1
    having count(*) = 1
),

final as (
    select
        reviews.review_id,
        reviews.source_system,
        reviews.source_review_id,
        reviews.platform,
        reviews.market_code,
        reviews.language_code,
        reviews.created_at as reviewed_at,
        cast(reviews.created_at as date) as review_date,
        reviews.rating,
        reviews.rating <= 2 as is_low_rating,
        reviews.is_verified_purchase,
        reviews.order_number,
        order_numbers.order_id,
        order_numbers.customer_id,
        order_numbers.order_id is not null as is_linked_to_order,
        reviews.sku,
        skus.product_variant_id,
        skus.product_id,
        reviews.review_title,
        reviews.review_body
    from reviews
    left join order_numbers
        on reviews.platform = order_numbers.platform
        and reviews.order_number = order_numbers.order_number
    left join skus
        on reviews.sku = skus.sku
)

select * from final
