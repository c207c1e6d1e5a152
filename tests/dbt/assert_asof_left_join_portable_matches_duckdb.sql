-- Macro asof_left_join: the portable range-join form (default__) finds the same clock rows as DuckDB's ASOF join
-- (duckdb__), for lookups by instant (clock positions) and by cumulative seconds (business due times), on a
-- sample of real waits (the range join compares every wait with every interval of its schedule: kept small).
-- Returns the sampled waits where the two disagree.
with

sample_waits as (
    select
        wait_id,
        schedule_id,
        started_at,
        coalesce(ended_at, as_of_at) as measured_until_at
    from {{ ref('int_support_waits_timed') }}
    order by wait_id
    limit 2000
),

clock as (
    select * from {{ ref('int_business_clock') }}
),

by_instant as (
    select
        sample_waits.*,
        {{ business_clock_position('asof_clock', 'sample_waits.started_at') }} as asof_started_position,
        {{ business_clock_position('range_clock', 'sample_waits.started_at') }} as range_started_position,
        asof_clock.business_interval_id as asof_interval_id,
        range_clock.business_interval_id as range_interval_id
    from sample_waits
    {{ duckdb__asof_left_join(
        'clock as asof_clock', 'sample_waits.schedule_id', 'asof_clock.schedule_id',
        'sample_waits.started_at', 'asof_clock.opens_at', 'asof_clock.next_opens_at'
    ) }}
    {{ default__asof_left_join(
        'clock as range_clock', 'sample_waits.schedule_id', 'range_clock.schedule_id',
        'sample_waits.started_at', 'range_clock.opens_at', 'range_clock.next_opens_at'
    ) }}
),

-- A target of one business hour from each start, looked up by cumulative seconds.
due_positions as (
    select
        wait_id,
        schedule_id,
        asof_started_position + 3600 as due_position
    from by_instant
),

by_cumulative_seconds as (
    select
        due_positions.*,
        asof_clock.business_interval_id as asof_interval_id,
        range_clock.business_interval_id as range_interval_id
    from due_positions
    {{ duckdb__asof_left_join(
        'clock as asof_clock', 'due_positions.schedule_id', 'asof_clock.schedule_id',
        'due_positions.due_position', 'asof_clock.cumulative_seconds_at_open', 'null'
    ) }}
    {{ default__asof_left_join(
        'clock as range_clock', 'due_positions.schedule_id', 'range_clock.schedule_id',
        'due_positions.due_position', 'range_clock.cumulative_seconds_at_open',
        'case when range_clock.next_opens_at is not null then range_clock.cumulative_seconds_at_close end'
    ) }}
)

select 'by instant' as lookup, wait_id, asof_interval_id, range_interval_id
from by_instant
where asof_interval_id is distinct from range_interval_id
    or asof_started_position is distinct from range_started_position
union all
select 'by cumulative seconds' as lookup, wait_id, asof_interval_id, range_interval_id
from by_cumulative_seconds
where asof_interval_id is distinct from range_interval_id
