-- int_support_waits_timed agrees with its own definitions on the real data. Returns each wait that breaks one,
-- with the rule it breaks:
-- business time lies between 0 and calendar time; finished waits' so-far figures are their final figures; open
-- waits have no final figures; an SLA applies exactly when there is a target; the breach time is the due time
-- of breached waits only; a calendar due time is start + target; a business due time is the instant the clock
-- has run exactly the target since the start (checked by timing start to due again on the clock, by instant, where
-- the model found the due time by position); and a wait
-- is breached exactly when more than the target has elapsed in the policy's basis. After an incremental build, only
-- the waits it wrote (macro rows_written_incrementally): the others passed this test when they were written.
{%- set timed_written = rows_written_incrementally(ref('int_support_waits_timed')) %}
with

timed as (
    select * from {{ ref('int_support_waits_timed') }}
    {%- if timed_written %}
    where {{ timed_written }}
    {%- endif %}
),

clock as (
    select * from {{ ref('int_business_clock') }}
),

support_schedules as (
    select * from {{ ref('support_schedules') }}
),

clock_buckets as (
    {{ business_clock_buckets('clock', 'support_schedules') }}
),

schedule_bucket_widths as (
    {{ business_clock_bucket_widths('clock_buckets') }}
),

business_due as (
    select
        timed.wait_id,
        {{ business_clock_bucket_position('due_clock', 'timed.sla_due_at') }}
        - {{ business_clock_bucket_position('started_clock', 'timed.started_at') }} as business_seconds_to_due
    from timed
    inner join schedule_bucket_widths
        on timed.schedule_id = schedule_bucket_widths.schedule_id
    {{ business_clock_bucket_join(
        'clock_buckets', 'started_clock', 'instant', 'timed.schedule_id',
        epoch_seconds('timed.started_at'), 'schedule_bucket_widths.instant_bucket_seconds'
    ) }}
    {{ business_clock_bucket_join(
        'clock_buckets', 'due_clock', 'instant', 'timed.schedule_id',
        epoch_seconds('timed.sla_due_at'), 'schedule_bucket_widths.instant_bucket_seconds'
    ) }}
    where timed.sla_time_basis = 'business'
        and timed.sla_due_at is not null
),

checks as (
    select
        timed.wait_id,
        case
            when timed.business_seconds < 0 or timed.business_seconds > timed.calendar_seconds
                then 'business_seconds outside 0..calendar_seconds'
            when timed.business_seconds_so_far < 0 or timed.business_seconds_so_far > timed.calendar_seconds_so_far
                then 'business_seconds_so_far outside 0..calendar_seconds_so_far'
            when timed.ended_at is not null
                and (
                    timed.calendar_seconds is distinct from timed.calendar_seconds_so_far
                    or timed.business_seconds is distinct from timed.business_seconds_so_far
                )
                then 'finished wait with so-far figures different from its final figures'
            when timed.ended_at is null and (timed.calendar_seconds is not null or timed.business_seconds is not null)
                then 'open wait with final figures'
            when timed.is_sla_applicable != (timed.sla_target_minutes is not null)
                then 'is_sla_applicable disagrees with sla_target_minutes'
            when timed.sla_breached_at is distinct from case when timed.is_sla_breached then timed.sla_due_at end
                then 'sla_breached_at is not the due time of a breached wait'
            when timed.sla_time_basis = 'calendar'
                and timed.sla_due_at != {{ dbt.dateadd('minute', 'timed.sla_target_minutes', 'timed.started_at') }}
                then 'calendar due time is not start + target'
            when business_due.business_seconds_to_due != timed.sla_target_minutes * 60
                then 'business due time is not target business seconds after the start'
            when timed.sla_time_basis = 'calendar'
                and timed.is_sla_breached != (timed.calendar_seconds_so_far > timed.sla_target_minutes * 60)
                then 'calendar breach disagrees with elapsed calendar time'
            when timed.sla_time_basis = 'business'
                and timed.is_sla_breached != (timed.business_seconds_so_far > timed.sla_target_minutes * 60)
                then 'business breach disagrees with elapsed business time'
        end as broken_rule
    from timed
    left join business_due
        on timed.wait_id = business_due.wait_id
)

select * from checks
where broken_rule is not null
