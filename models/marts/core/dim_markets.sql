{#- Markets the shop sells into (country, region, time zone, currency, language), from the markets seed. -#}
with

markets as (
    select * from {{ ref('markets') }}
),

final as (
    select
        market_code,
        country_name,
        region,
        time_zone,
        currency_code,
        language_code,
        language_name
    from markets
)

select * from final
