-- int_business_clock: per schedule, intervals have a length, follow each other without overlapping, each one's
-- cumulative seconds at opening are the previous one's at closing (0 for the first), and next_opens_at is the
-- following interval's opening. Returns the intervals that break this.
with

clock as (
    select
        *,
        lag(closes_at) over schedule_intervals as previous_closes_at,
        lag(cumulative_seconds_at_close) over schedule_intervals as previous_cumulative_seconds_at_close,
        lead(opens_at) over schedule_intervals as following_opens_at
    from {{ ref('int_business_clock') }}
    window schedule_intervals as (partition by schedule_id order by opens_at)
)

select *
from clock
where interval_seconds <= 0
    or interval_seconds != {{ seconds_between('opens_at', 'closes_at') }}
    or opens_at < previous_closes_at
    or cumulative_seconds_at_open != coalesce(previous_cumulative_seconds_at_close, 0)
    or cumulative_seconds_at_close != cumulative_seconds_at_open + interval_seconds
    or next_opens_at is distinct from following_opens_at
