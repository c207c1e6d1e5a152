{#- Markets the shop sells into (country, region, time zone, currency, language): those of the markets seed, plus
    any market the commerce or helpdesk sources use that the seed does not list yet (named by its code, the rest
    unknown), so every fact's market joins. -#}
with

markets as (
    select * from {{ ref('markets') }}
),

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

returns as (
    select * from {{ ref('int_returns_unioned') }}
),

reviews as (
    select * from {{ ref('int_reviews_unioned') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

markets_in_data as (
    select market_code from orders where market_code is not null
    union
    select market_code from returns where market_code is not null
    union
    select market_code from reviews where market_code is not null
    union
    select market_code from conversations where market_code is not null
),

listed_markets as (
    select
        market_code,
        country_name,
        region,
        time_zone,
        currency_code,
        language_code,
        language_name,
        true as is_listed
    from markets
),

unlisted_markets as (
    select
        markets_in_data.market_code,
        markets_in_data.market_code as country_name,
        cast(null as varchar) as region,
        cast(null as varchar) as time_zone,
        cast(null as varchar) as currency_code,
        cast(null as varchar) as language_code,
        cast(null as varchar) as language_name,
        false as is_listed
    from markets_in_data
    left join markets
        on markets_in_data.market_code = markets.market_code
    where markets.market_code is null
),

final as (
    select * from listed_markets
    union all
    select * from unlisted_markets
)

select * from final
