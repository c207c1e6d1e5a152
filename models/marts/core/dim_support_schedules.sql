{#- The support teams' schedules (seed support_schedules), one row per schedule, with their opening hours summed
    up from seed business_hours and the span their business clock covers. -#}
{{ config(tags=['built_from_seeds']) }}
with

support_schedules as (
    select * from {{ ref('support_schedules') }}
),

business_hours as (
    select * from {{ ref('business_hours') }}
),

support_schedule_assignments as (
    select * from {{ ref('support_schedule_assignments') }}
),

interval_minutes as (
    select
        schedule_id,
        day_type,
        {{ minutes_since_midnight('closes_at') }} - {{ minutes_since_midnight('opens_at') }} as open_minutes
    from business_hours
),

opening_hours as (
    select
        schedule_id,
        sum(case when day_type != 'holiday' then open_minutes else 0 end) / 60.0 as weekly_open_hours,
        sum(case when day_type = 'holiday' then open_minutes else 0 end) / 60.0 as holiday_open_hours
    from interval_minutes
    group by 1
),

assignments as (
    select
        schedule_id,
        count(case when match_type = 'group' then 1 end) as assigned_group_count,
        count(case when match_type = 'market' then 1 end) as fallback_market_count,
        coalesce(max(case when match_type = 'default' then true end), false) as is_default_schedule
    from support_schedule_assignments
    group by 1
),

final as (
    select
        support_schedules.schedule_id,
        support_schedules.schedule_name,
        support_schedules.time_zone,
        support_schedules.holiday_market_code,
        coalesce(opening_hours.weekly_open_hours, 0) as weekly_open_hours,
        coalesce(opening_hours.holiday_open_hours, 0) as holiday_open_hours,
        coalesce(opening_hours.weekly_open_hours, 0) = 168
        and (support_schedules.holiday_market_code is null or coalesce(opening_hours.holiday_open_hours, 0) = 24)
            as is_always_open,
        coalesce(assignments.assigned_group_count, 0) as assigned_group_count,
        coalesce(assignments.fallback_market_count, 0) as fallback_market_count,
        coalesce(assignments.is_default_schedule, false) as is_default_schedule,
        {{ business_clock_starts_at('support_schedules.time_zone') }} as clock_starts_at,
        {{ business_clock_ends_at('support_schedules.time_zone') }} as clock_ends_at,
        support_schedules.description
    from support_schedules
    left join opening_hours
        on support_schedules.schedule_id = opening_hours.schedule_id
    left join assignments
        on support_schedules.schedule_id = assignments.schedule_id
)

select * from final
