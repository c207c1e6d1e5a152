-- The lookup buckets of the clock (macro business_clock_buckets, read with business_clock_bucket_position and
-- business_clock_bucket_instant) give the same answers as as-of joins on the clock (asof_left_join), at the places
-- where a bucket lookup could go wrong: every opening and closing of every schedule, a second and half a second
-- either side of them, and both sides of every bucket's start; for instants inside each schedule's clock span and
-- for positions from 0 to its last closing. Returns the probes where the two disagree.
with

clock as (
    select * from {{ ref('int_business_clock') }}
),

support_schedules as (
    select * from {{ ref('support_schedules') }}
),

clock_buckets as (
    {{ business_clock_buckets('clock', 'support_schedules') }}
),

schedule_spans as (
    select
        schedule_id,
        {{ business_clock_starts_at('time_zone') }} as clock_starts_at,
        {{ business_clock_ends_at('time_zone') }} as clock_ends_at
    from support_schedules
),

schedule_bucket_widths as (
    {{ business_clock_bucket_widths('clock_buckets') }}
),

instant_edges as (
    select schedule_id, opens_at as edge_at from clock
    union all
    select schedule_id, closes_at from clock
    union all
    select schedule_id, bucket_starts_at from (
        select
            schedule_id,
            {{ dbt.dateadd('second', 'bucket * bucket_seconds', "cast('1970-01-01' as timestamp)") }} as bucket_starts_at
        from clock_buckets
        where lookup = 'instant'
    )
),

instant_probes as (
    select
        instant_edges.schedule_id,
        {{ dbt.dateadd('millisecond', 'offsets.milliseconds', 'instant_edges.edge_at') }} as probe_at
    from instant_edges
    cross join (
        select -1000 as milliseconds union all select -500 union all select 0 union all select 500 union all select 1000
    ) as offsets
),

instants_in_span as (
    select
        instant_probes.schedule_id,
        instant_probes.probe_at,
        schedule_bucket_widths.instant_bucket_seconds
    from instant_probes
    inner join schedule_spans
        on instant_probes.schedule_id = schedule_spans.schedule_id
    inner join schedule_bucket_widths
        on instant_probes.schedule_id = schedule_bucket_widths.schedule_id
    where instant_probes.probe_at >= schedule_spans.clock_starts_at
        and instant_probes.probe_at < schedule_spans.clock_ends_at
),

by_instant as (
    select
        instants_in_span.schedule_id,
        instants_in_span.probe_at,
        {{ business_clock_bucket_position('bucket', 'instants_in_span.probe_at') }} as bucket_position,
        {{ business_clock_position('as_of_clock', 'instants_in_span.probe_at') }} as as_of_position
    from instants_in_span
    {{ business_clock_bucket_join(
        'clock_buckets', 'bucket', 'instant', 'instants_in_span.schedule_id',
        epoch_seconds('instants_in_span.probe_at'), 'instants_in_span.instant_bucket_seconds'
    ) }}
    {{ asof_left_join(
        'clock as as_of_clock', 'instants_in_span.schedule_id', 'as_of_clock.schedule_id',
        'instants_in_span.probe_at', 'as_of_clock.opens_at', 'as_of_clock.next_opens_at'
    ) }}
),

position_edges as (
    select schedule_id, cumulative_seconds_at_open as position from clock
    union all
    select schedule_id, cumulative_seconds_at_close from clock
    union all
    select schedule_id, bucket * bucket_seconds from clock_buckets
    where lookup = 'position'
),

positions_in_range as (
    select
        position_edges.schedule_id,
        position_edges.position + offsets.seconds as position,
        schedule_bucket_widths.position_bucket_seconds
    from position_edges
    cross join (select -1 as seconds union all select 0 union all select 1) as offsets
    inner join schedule_bucket_widths
        on position_edges.schedule_id = schedule_bucket_widths.schedule_id
    where position_edges.position + offsets.seconds >= 0
),

by_position as (
    select
        positions_in_range.schedule_id,
        positions_in_range.position,
        {{ business_clock_bucket_instant('bucket', 'positions_in_range.position') }} as bucket_instant,
        case
            when as_of_clock.cumulative_seconds_at_close >= positions_in_range.position
                then {{ dbt.dateadd(
                    'second', 'positions_in_range.position - as_of_clock.cumulative_seconds_at_open', 'as_of_clock.opens_at'
                ) }}
        end as as_of_instant
    from positions_in_range
    {{ business_clock_bucket_join(
        'clock_buckets', 'bucket', 'position', 'positions_in_range.schedule_id',
        'positions_in_range.position', 'positions_in_range.position_bucket_seconds'
    ) }}
    {{ asof_left_join(
        'clock as as_of_clock', 'positions_in_range.schedule_id', 'as_of_clock.schedule_id',
        'positions_in_range.position', 'as_of_clock.cumulative_seconds_at_open',
        'case when as_of_clock.next_opens_at is not null then as_of_clock.cumulative_seconds_at_close end'
    ) }}
)

select 'instant' as lookup, schedule_id, cast(probe_at as varchar) as probe, cast(bucket_position as varchar) as by_bucket,
    cast(as_of_position as varchar) as by_as_of
from by_instant
where bucket_position is distinct from as_of_position
union all
select 'position', schedule_id, cast(position as varchar), cast(bucket_instant as varchar), cast(as_of_instant as varchar)
from by_position
where bucket_instant is distinct from as_of_instant
