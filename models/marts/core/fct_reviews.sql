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

conversations as (
    select * from {{ ref('fct_conversations') }}
),

order_numbers as (
    -- An order number links only when it names exactly one order on its platform. Only the numbers some review
    -- names are counted (with all their orders, so each count is the same).
    select
        platform,
        order_number,
        min(order_id) as order_id,
        min(customer_id) as customer_id
    from orders
    where exists (
        select 1
        from reviews
        where reviews.platform = orders.platform
            and reviews.order_number = orders.order_number
    )
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

linked_reviews as (
    select
        reviews.review_id,
        reviews.created_at,
        order_numbers.order_id
    from reviews
    inner join order_numbers
        on reviews.platform = order_numbers.platform
        and reviews.order_number = order_numbers.order_number
),

contacts_before_review as (
    -- the latest support conversation about the reviewed order that started before the review
    select
        linked_reviews.review_id,
        conversations.conversation_id,
        conversations.first_response_seconds,
        conversations.first_solved_at,
        conversations.first_solved_at is not null
            and conversations.first_solved_at <= linked_reviews.created_at as is_resolved_before_review
    from linked_reviews
    inner join conversations
        on linked_reviews.order_id = conversations.order_id
        and conversations.created_at < linked_reviews.created_at
    qualify row_number() over (
        partition by linked_reviews.review_id
        order by conversations.created_at desc, conversations.conversation_id
    ) = 1
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
        reviews.review_body,
        contacts_before_review.conversation_id as contact_conversation_id,
        contacts_before_review.conversation_id is not null as has_contacted_support_before_review,
        contacts_before_review.first_response_seconds as contact_first_response_seconds,
        contacts_before_review.is_resolved_before_review as is_contact_resolved_before_review
    from reviews
    left join order_numbers
        on reviews.platform = order_numbers.platform
        and reviews.order_number = order_numbers.order_number
    left join skus
        on reviews.sku = skus.sku
    left join contacts_before_review
        on reviews.review_id = contacts_before_review.review_id
)

select * from final
