{#- Product reviews from every source, in one canonical shape: one branch per enabled source with the demo's
    marketplace review export shape. Review ids are only unique per platform, so the id carries source system
    and platform. -#}
with

{%- for system in sources_shaped_like('review_export') %}

{{ system }}_reviews as (
    select * from {{ ref('stg_' ~ system ~ '__reviews') }}
),

{{ system }}_reviews_canonical as (
    select
        '{{ system }}-' || review_id as review_id,
        '{{ system }}' as source_system,
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
    from {{ system }}_reviews
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('review_export'), '_reviews_canonical') }}
)

select * from unioned
