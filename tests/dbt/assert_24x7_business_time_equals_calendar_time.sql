-- On the `24x7` schedule business time is calendar time, to the second. Every finished wait of the real data is
-- timed again on the 24x7 clock (whatever its own schedule), with the same clock macros the model uses, and so
-- is every wait the model itself timed on 24x7. Returns the waits where the two figures differ (the seeds must
-- keep a schedule `24x7`). The clock is read through its lookup buckets, as the model reads it (macro
-- business_clock_buckets; test assert_business_clock_buckets_match_asof checks them against as-of joins). After an incremental build, only the waits it wrote (macro rows_written_incrementally):
-- the others passed this test when they were written.
{%- set waits_written = rows_written_incrementally(ref('int_support_waits')) %}
{%- set timed_written = rows_written_incrementally(ref('int_support_waits_timed')) %}
with

waits as (
    select * from {{ ref('int_support_waits') }}
    where ended_at is not null
        {%- if waits_written %}
        and {{ waits_written }}
        {%- endif %}
),

always_open_clock as (
    select * from {{ ref('int_business_clock') }}
    where schedule_id = '24x7'
),

always_open_schedule as (
    select * from {{ ref('support_schedules') }}
    where schedule_id = '24x7'
),

always_open_buckets as (
    {{ business_clock_buckets('always_open_clock', 'always_open_schedule') }}
),

always_open_widths as (
    {{ business_clock_bucket_widths('always_open_buckets') }}
),

always_open_span as (
    select
        always_open_schedule.schedule_id,
        {{ business_clock_starts_at('always_open_schedule.time_zone') }} as clock_starts_at,
        {{ business_clock_ends_at('always_open_schedule.time_zone') }} as clock_ends_at,
        always_open_widths.instant_bucket_seconds
    from always_open_schedule
    -- (a 24x7 schedule without clock rows keeps its span: its waits then fail the test)
    left join always_open_widths
        on always_open_schedule.schedule_id = always_open_widths.schedule_id
),

-- Waits outside the clock's span have no business time: they are left out at the end.
waits_on_24x7 as (
    select
        waits.wait_id,
        waits.started_at,
        waits.ended_at,
        always_open_span.schedule_id,
        always_open_span.instant_bucket_seconds,
        waits.started_at >= always_open_span.clock_starts_at
        and waits.ended_at < always_open_span.clock_ends_at as is_in_clock_span
    from waits
    cross join always_open_span
),

retimed as (
    select
        waits_on_24x7.wait_id,
        waits_on_24x7.is_in_clock_span,
        {{ seconds_between('waits_on_24x7.started_at', 'waits_on_24x7.ended_at') }} as calendar_seconds,
        {{ business_clock_bucket_position('ended_clock', 'waits_on_24x7.ended_at') }}
        - {{ business_clock_bucket_position('started_clock', 'waits_on_24x7.started_at') }} as business_seconds
    from waits_on_24x7
    {{ business_clock_bucket_join(
        'always_open_buckets', 'started_clock', 'instant', 'waits_on_24x7.schedule_id',
        epoch_seconds('waits_on_24x7.started_at'), 'waits_on_24x7.instant_bucket_seconds'
    ) }}
    {{ business_clock_bucket_join(
        'always_open_buckets', 'ended_clock', 'instant', 'waits_on_24x7.schedule_id',
        epoch_seconds('waits_on_24x7.ended_at'), 'waits_on_24x7.instant_bucket_seconds'
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
        {%- if timed_written %}
        and {{ timed_written }}
        {%- endif %}
)

select 'retimed on 24x7' as check_name, wait_id, calendar_seconds, business_seconds from retimed
where is_in_clock_span
    and business_seconds is distinct from calendar_seconds
union all
select 'timed on 24x7' as check_name, * from timed_on_24x7
where business_seconds is distinct from calendar_seconds
