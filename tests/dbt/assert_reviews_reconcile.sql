-- Reviews balance from the lake to staging to fct_reviews: the same number of reviews, the same stars, the same
-- low ratings, and the same order links, the links worked out here again from staging (an order number that
-- names exactly one order on the review's platform). Returns a row (a failure) when any pair disagrees.
with

lake as (
    select count(*) as reviews
    from (select distinct platform, review_id from {{ source('demo', 'reviews') }}) as lake_reviews
),

staging_reviews as (
    select * from {{ ref('stg_demo__reviews') }}
),

staging_orders as (
    select * from {{ ref('stg_demo__orders') }}
),

unique_order_numbers as (
    select
        platform,
        order_number
    from staging_orders
    group by 1, 2
    having count(*) = 1
),

staging as (
    select
        count(*) as reviews,
        sum(staging_reviews.rating) as stars,
        count(case when staging_reviews.rating <= 2 then 1 end) as low_ratings,
        count(unique_order_numbers.order_number) as linked_reviews
    from staging_reviews
    left join unique_order_numbers
        on staging_reviews.platform = unique_order_numbers.platform
        and staging_reviews.order_number = unique_order_numbers.order_number
),

facts as (
    select
        count(*) as reviews,
        sum(rating) as stars,
        count(case when is_low_rating then 1 end) as low_ratings,
        count(order_id) as linked_reviews
    from {{ ref('fct_reviews') }}
    where source_system = 'demo'
)

select
    lake.reviews as lake_reviews,
    staging.reviews as staging_reviews,
    facts.reviews as fact_reviews,
    staging.stars as staging_stars,
    facts.stars as fact_stars,
    staging.low_ratings as staging_low_ratings,
    facts.low_ratings as fact_low_ratings,
    staging.linked_reviews as staging_linked_reviews,
    facts.linked_reviews as fact_linked_reviews
from lake
cross join staging
cross join facts
where lake.reviews != staging.reviews
    or staging.reviews != facts.reviews
    or staging.stars != facts.stars
    or staging.low_ratings != facts.low_ratings
    or staging.linked_reviews != facts.linked_reviews
