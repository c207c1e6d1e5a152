{#- The business clock: every opening interval of every support schedule over the date spine, in UTC, with the
    business seconds accumulated before it. A schedule's opening hours are local wall-clock times in its time zone
    (seed business_hours, per day type mon..sun or holiday; several intervals a day allowed); each local day's
    intervals are converted to UTC with that day's offset, so daylight-saving changes move them in UTC. On a
    public holiday of the schedule's holiday calendar (seed holidays) the holiday hours replace the weekday's;
    a schedule with no holiday rows is closed on holidays. Business time between two instants is then a
    difference of two clock positions (macro business_clock_position), with no week arithmetic. -#}
{{ config(materialized='table', tags=['built_from_seeds']) }}

with

support_schedules as (
    select * from {{ ref('support_schedules') }}
),

business_hours as (
    select * from {{ ref('business_hours') }}
),

holidays as (
    select * from {{ ref('holidays') }}
),

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('date_spine_start') ~ "' as date)",
        dbt.dateadd('day', 1, "cast('" ~ var('date_spine_end') ~ "' as date)")
    ) }}
),

schedule_days as (
    select
        support_schedules.schedule_id,
        support_schedules.time_zone,
        cast(days.date_day as date) as local_date,
        holidays.holiday_date is not null as is_holiday,
        case
            when holidays.holiday_date is not null then 'holiday'
            else
                case cast(extract(isodow from days.date_day) as integer)
                    when 1 then 'mon'
                    when 2 then 'tue'
                    when 3 then 'wed'
                    when 4 then 'thu'
                    when 5 then 'fri'
                    when 6 then 'sat'
                    else 'sun'
                end
        end as day_type
    from support_schedules
    cross join days
    left join holidays
        on support_schedules.holiday_market_code = holidays.market_code
        and cast(days.date_day as date) = holidays.holiday_date
),

local_intervals as (
    select
        schedule_days.schedule_id,
        schedule_days.time_zone,
        schedule_days.local_date,
        schedule_days.day_type,
        schedule_days.is_holiday,
        business_hours.opens_at as opens_at_local_time,
        {{ dbt.dateadd(
            'minute',
            minutes_since_midnight('business_hours.opens_at'),
            'cast(schedule_days.local_date as timestamp)'
        ) }} as opens_at_local,
        {{ dbt.dateadd(
            'minute',
            minutes_since_midnight('business_hours.closes_at'),
            'cast(schedule_days.local_date as timestamp)'
        ) }} as closes_at_local
    from schedule_days
    inner join business_hours
        on schedule_days.schedule_id = business_hours.schedule_id
        and schedule_days.day_type = business_hours.day_type
),

utc_intervals as (
    select
        schedule_id,
        local_date,
        day_type,
        is_holiday,
        opens_at_local_time,
        opens_at_local,
        closes_at_local,
        {{ local_to_utc('opens_at_local', 'time_zone') }} as opens_at,
        {{ local_to_utc('closes_at_local', 'time_zone') }} as closes_at
    from local_intervals
),

measured as (
    select
        *,
        {{ seconds_between('opens_at', 'closes_at') }} as interval_seconds
    from utc_intervals
),

accumulated as (
    select
        *,
        coalesce(
            sum(interval_seconds) over (
                partition by schedule_id
                order by opens_at
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as cumulative_seconds_at_open,
        lead(opens_at) over (partition by schedule_id order by opens_at) as next_opens_at
    from measured
    -- An interval that a spring-forward change swallows whole has no length: drop it.
    where interval_seconds > 0
),

final as (
    select
        schedule_id || '|' || cast(local_date as varchar) || '|' || opens_at_local_time as business_interval_id,
        schedule_id,
        local_date,
        day_type,
        is_holiday,
        opens_at_local,
        closes_at_local,
        opens_at,
        closes_at,
        next_opens_at,
        interval_seconds,
        cast(cumulative_seconds_at_open as bigint) as cumulative_seconds_at_open,
        cast(cumulative_seconds_at_open + interval_seconds as bigint) as cumulative_seconds_at_close
    from accumulated
)

select * from final
