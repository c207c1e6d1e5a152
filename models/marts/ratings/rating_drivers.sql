{#- What goes with low ratings: average rating and share of 1-2 star reviews by driver bucket (docs block
    `rating_drivers`). Long format: one row per driver x bucket x platform x market, so one chart per driver. -#}
with

reviews as (
    select * from {{ ref('fct_reviews') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

reviews_with_drivers as (
    select
        reviews.review_id,
        reviews.platform,
        coalesce(reviews.market_code, 'unknown') as market_code,
        reviews.rating,
        reviews.is_low_rating,
        case
            when orders.order_id is null then 'unknown'
            when orders.delivery_status = 'lost' then 'lost'
            when orders.delivered_at is null then 'not_delivered'
            when orders.delivery_delay_days <= 0 then 'on_time'
            when orders.delivery_delay_days <= 2 then 'late_1_2_days'
            when orders.delivery_delay_days <= 6 then 'late_3_6_days'
            else 'late_7_plus_days'
        end as delivery_delay_bucket,
        case
            when not reviews.has_contacted_support_before_review then 'no_contact'
            when reviews.contact_first_response_seconds is null then 'not_answered'
            when reviews.contact_first_response_seconds < 3600 then 'under_1_hour'
            when reviews.contact_first_response_seconds < 4 * 3600 then '1_4_hours'
            when reviews.contact_first_response_seconds < 24 * 3600 then '4_24_hours'
            when reviews.contact_first_response_seconds < 72 * 3600 then '24_72_hours'
            else '72_plus_hours'
        end as first_response_bucket,
        case
            when not reviews.has_contacted_support_before_review then 'no_contact'
            when reviews.is_contact_resolved_before_review then 'resolved'
            else 'unresolved'
        end as contact_resolution_bucket,
        case
            when orders.order_id is null then 'unknown'
            when orders.has_return then 'returned'
            else 'kept'
        end as return_bucket
    from reviews
    left join orders
        on reviews.order_id = orders.order_id
),

driver_buckets as (
    select 'delivery_delay' as driver, delivery_delay_bucket as bucket, * from reviews_with_drivers
    union all
    select 'first_response' as driver, first_response_bucket as bucket, * from reviews_with_drivers
    union all
    select 'contact_resolution' as driver, contact_resolution_bucket as bucket, * from reviews_with_drivers
    union all
    select 'return' as driver, return_bucket as bucket, * from reviews_with_drivers
),

final as (
    select
        driver,
        bucket,
        case bucket
            when 'on_time' then 1 when 'late_1_2_days' then 2 when 'late_3_6_days' then 3
            when 'late_7_plus_days' then 4 when 'lost' then 5 when 'not_delivered' then 6
            when 'no_contact' then 1 when 'under_1_hour' then 2 when '1_4_hours' then 3 when '4_24_hours' then 4
            when '24_72_hours' then 5 when '72_plus_hours' then 6 when 'not_answered' then 7
            when 'resolved' then 2 when 'unresolved' then 3
            when 'kept' then 1 when 'returned' then 2
            else 99
        end as bucket_order,
        platform,
        market_code,
        count(*) as reviews,
        avg(rating) as avg_rating,
        count(case when is_low_rating then 1 end) as low_rating_reviews,
        cast(count(case when is_low_rating then 1 end) as double) / count(*) as low_rating_share
    from driver_buckets
    group by 1, 2, 3, 4, 5
)

select * from final
