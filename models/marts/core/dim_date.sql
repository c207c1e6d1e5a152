{#- The calendar: one row per day from var date_spine_start to var date_spine_end. -#}
{{ config(tags=['built_from_seeds']) }}
with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('date_spine_start') ~ "' as date)",
        dbt.dateadd('day', 1, "cast('" ~ var('date_spine_end') ~ "' as date)")
    ) }}
),

final as (
    select
        cast(date_day as date) as date_day,
        cast(extract(year from date_day) as integer) as year_number,
        cast(extract(quarter from date_day) as integer) as quarter_number,
        cast(extract(month from date_day) as integer) as month_number,
        strftime(date_day, '%B') as month_name,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start_date,
        cast(extract(isoyear from date_day) as integer) as iso_year_number,
        cast(extract(week from date_day) as integer) as iso_week_number,
        cast(extract(isodow from date_day) as integer) as iso_day_of_week,
        strftime(date_day, '%A') as day_name,
        extract(isodow from date_day) in (6, 7) as is_weekend
    from days
)

select * from final
