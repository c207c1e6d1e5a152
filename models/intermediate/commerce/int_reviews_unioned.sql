{#- Product reviews from every source (today: the demo's marketplace review export), in one canonical shape.
    Review ids are only unique per platform, so the id carries source system and platform. -#}
with

demo_reviews as (
    select * from {{ ref('stg_demo__reviews') }}
),

demo_reviews_canonical as (
    select
        'demo-' || review_id as review_id,
        'demo' as source_system,
        source_review_id,
        platform,
        market_code,
        nullif(trim(order_number), '') as order_number,
        nullif(trim(sku), '') as sku,
        rating,
        review_title,
        review_body,
        language_code,
        is_verified_purchase,
        created_at
    from demo_reviews
),

unioned as (
    select * from demo_reviews_canonical
)

select * from unioned
