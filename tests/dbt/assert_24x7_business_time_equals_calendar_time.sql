-- On the `24x7` schedule business time is calendar time, to the second. Every finished wait of the real data is
-- timed again on the 24x7 clock (whatever its own schedule), with the same clock macros the model uses, and so
-- is every wait the model itself timed on 24x7. Returns the waits where the two figures differ (the seeds must
-- keep a schedule `24x7`).
with

waits as (
    select * from {{ ref('int_support_waits') }}
    where ended_at is not null
),

always_open_clock as (
    select * from {{ ref('int_business_clock') }}
    where schedule_id = '24x7'
),

always_open_span as (
    select
        {{ business_clock_starts_at('time_zone') }} as clock_starts_at,
        {{ business_clock_ends_at('time_zone') }} as clock_ends_at
    from {{ ref('support_schedules') }}
    where schedule_id = '24x7'
),

waits_in_span as (
    select waits.*
    from waits
    inner join always_open_span
        on waits.started_at >= always_open_span.clock_starts_at
        and waits.ended_at < always_open_span.clock_ends_at
),

retimed as (
    select
        waits_in_span.wait_id,
        {{ seconds_between('waits_in_span.started_at', 'waits_in_span.ended_at') }} as calendar_seconds,
        {{ business_clock_position('ended_clock', 'waits_in_span.ended_at') }}
        - {{ business_clock_position('started_clock', 'waits_in_span.started_at') }} as business_seconds
    from waits_in_span
    {{ asof_left_join(
        'always_open_clock as started_clock', "'24x7'", 'started_clock.schedule_id',
        'waits_in_span.started_at', 'started_clock.opens_at', 'started_clock.next_opens_at'
    ) }}
    {{ asof_left_join(
        'always_open_clock as ended_clock', "'24x7'", 'ended_clock.schedule_id',
        'waits_in_span.ended_at', 'ended_clock.opens_at', 'ended_clock.next_opens_at'
    ) }}
),

timed_on_24x7 as (
    select
        wait_id,
        calendar_seconds,
        business_seconds
    from {{ ref('int_support_waits_timed') }}
    where schedule_id = '24x7'
        and business_seconds is not null
)

select 'retimed on 24x7' as check_name, * from retimed
where business_seconds is distinct from calendar_seconds
union all
select 'timed on 24x7' as check_name, * from timed_on_24x7
where business_seconds is distinct from calendar_seconds
