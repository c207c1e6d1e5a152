{#- One row per sales or review platform: those of the platforms seed, plus any platform the commerce or
    helpdesk sources use that the seed does not list yet (named by its code, type `unknown`), so every fact's
    platform joins. -#}
with

platforms as (
    select * from {{ ref('platforms') }}
),

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

reviews as (
    select * from {{ ref('int_reviews_unioned') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

platforms_in_data as (
    select platform from orders where platform is not null
    union
    select platform from reviews where platform is not null
    union
    select platform from conversations where platform is not null
),

unlisted_platforms as (
    select
        platforms_in_data.platform,
        platforms_in_data.platform as platform_name,
        'unknown' as platform_type,
        cast(null as boolean) as is_marketplace,
        false as is_listed
    from platforms_in_data
    left join platforms
        on platforms_in_data.platform = platforms.platform
    where platforms.platform is null
),

listed_platforms as (
    select
        platform,
        platform_name,
        platform_type,
        is_marketplace,
        true as is_listed
    from platforms
),

final as (
    select * from listed_platforms
    union all
    select * from unlisted_platforms
)

select * from final
