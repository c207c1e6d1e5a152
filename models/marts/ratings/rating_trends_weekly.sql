{#- Rating trends by week x platform x market x product, with a decline flag (docs block `rating_decline`):
    every week from the first to the last review is present for every platform x market x product that has
    reviews, so rolling windows count empty weeks as empty. -#}
with

reviews as (
    select * from {{ ref('fct_reviews') }}
),

products as (
    select * from {{ ref('dim_products') }}
),

review_cells as (
    select
        cast({{ dbt.date_trunc('week', 'review_date') }} as date) as week_start_date,
        platform,
        coalesce(market_code, 'unknown') as market_code,
        coalesce(product_id, 'unknown') as product_id,
        rating,
        is_low_rating
    from reviews
),

weeks as (
    select distinct
        cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start_date
    from {{ ref('dim_date') }}
    where date_day between (select min(week_start_date) from review_cells)
        and (select max(week_start_date) from review_cells)
),

cells as (
    select distinct
        platform,
        market_code,
        product_id
    from review_cells
),

weekly as (
    select
        week_start_date,
        platform,
        market_code,
        product_id,
        count(*) as reviews,
        sum(rating) as rating_sum,
        count(case when is_low_rating then 1 end) as low_rating_reviews
    from review_cells
    group by 1, 2, 3, 4
),

dense as (
    select
        weeks.week_start_date,
        cells.platform,
        cells.market_code,
        cells.product_id,
        coalesce(weekly.reviews, 0) as reviews,
        coalesce(weekly.rating_sum, 0) as rating_sum,
        coalesce(weekly.low_rating_reviews, 0) as low_rating_reviews
    from weeks
    cross join cells
    left join weekly
        on weeks.week_start_date = weekly.week_start_date
        and cells.platform = weekly.platform
        and cells.market_code = weekly.market_code
        and cells.product_id = weekly.product_id
),

windowed as (
    select
        *,
        sum(reviews) over recent_window as reviews_recent_window,
        sum(rating_sum) over recent_window as rating_sum_recent_window,
        sum(reviews) over previous_window as reviews_previous_window,
        sum(rating_sum) over previous_window as rating_sum_previous_window
    from dense
    window
        recent_window as (
            partition by platform, market_code, product_id
            order by week_start_date
            rows between {{ var('rating_window_weeks') - 1 }} preceding and current row
        ),
        previous_window as (
            partition by platform, market_code, product_id
            order by week_start_date
            rows between {{ 2 * var('rating_window_weeks') - 1 }} preceding and {{ var('rating_window_weeks') }} preceding
        )
),

final as (
    select
        windowed.week_start_date,
        windowed.platform,
        windowed.market_code,
        windowed.product_id,
        coalesce(products.product_title, 'unknown') as product_title,
        windowed.reviews,
        cast(windowed.rating_sum as double) / nullif(windowed.reviews, 0) as avg_rating,
        windowed.low_rating_reviews,
        cast(windowed.low_rating_reviews as double) / nullif(windowed.reviews, 0) as low_rating_share,
        coalesce(windowed.reviews_recent_window, 0) as reviews_recent_window,
        cast(windowed.rating_sum_recent_window as double) / nullif(windowed.reviews_recent_window, 0)
            as avg_rating_recent_window,
        coalesce(windowed.reviews_previous_window, 0) as reviews_previous_window,
        cast(windowed.rating_sum_previous_window as double) / nullif(windowed.reviews_previous_window, 0)
            as avg_rating_previous_window,
        cast(windowed.rating_sum_recent_window as double) / nullif(windowed.reviews_recent_window, 0)
            - cast(windowed.rating_sum_previous_window as double) / nullif(windowed.reviews_previous_window, 0)
            as avg_rating_change,
        coalesce(
            windowed.reviews_recent_window >= {{ var('rating_decline_min_reviews') }}
            and windowed.reviews_previous_window >= {{ var('rating_decline_min_reviews') }}
            and cast(windowed.rating_sum_recent_window as double) / windowed.reviews_recent_window
                - cast(windowed.rating_sum_previous_window as double) / windowed.reviews_previous_window
                <= -{{ var('rating_decline_threshold') }},
            false
        ) as is_rating_declining
    from windowed
    left join (
        select distinct product_id, product_title from products
    ) as products
        on windowed.product_id = products.product_id
)

select * from final
