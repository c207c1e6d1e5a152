{#- One rate per day and currency over the calendar (var date_spine_start to date_spine_end): the seed's rate of
    that day, or the latest earlier one when the day has none (weekends, holidays, a late feed). Days before a
    currency's first rate have no row, so amounts on them convert to null rather than at a guessed rate.
    A table, not a view: it is small and every currency conversion looks it up. -#}
{{ config(materialized='table', tags=['built_from_seeds']) }}

with

currency_rates as (
    select * from {{ ref('currency_rates') }}
),

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('date_spine_start') ~ "' as date)",
        dbt.dateadd('day', 1, "cast('" ~ var('date_spine_end') ~ "' as date)")
    ) }}
),

calendar_days as (
    select cast(date_day as date) as date_day from days
),

rate_validity as (
    select
        currency_code,
        rate_date as valid_from_date,
        coalesce(
            lead(rate_date) over (partition by currency_code order by rate_date),
            cast('9999-12-31' as date)
        ) as valid_until_date,
        units_per_usd
    from currency_rates
),

final as (
    select
        calendar_days.date_day as rate_date,
        rate_validity.currency_code,
        rate_validity.units_per_usd,
        rate_validity.valid_from_date as quoted_rate_date,
        rate_validity.valid_from_date < calendar_days.date_day as is_carried_forward
    from calendar_days
    inner join rate_validity
        on calendar_days.date_day >= rate_validity.valid_from_date
        and calendar_days.date_day < rate_validity.valid_until_date
)

select * from final
