-- Seed business_hours: every interval is `HH:MM` to `HH:MM` inside one local day, opens before it closes, and
-- no two intervals of a schedule's day type overlap (overlaps would count the same minutes twice on the clock).
-- Returns the offending rows.
with

business_hours as (
    select
        *,
        {{ minutes_since_midnight('opens_at') }} as opens_minute,
        {{ minutes_since_midnight('closes_at') }} as closes_minute
    from {{ ref('business_hours') }}
),

malformed as (
    select
        schedule_id,
        day_type,
        opens_at,
        closes_at,
        'not HH:MM, outside 00:00-24:00, or not opening before closing' as problem
    from business_hours
    where length(opens_at) != 5
        or length(closes_at) != 5
        or substr(opens_at, 3, 1) != ':'
        or substr(closes_at, 3, 1) != ':'
        or cast(substr(opens_at, 4, 2) as integer) > 59
        or cast(substr(closes_at, 4, 2) as integer) > 59
        or opens_minute < 0
        or closes_minute > 1440
        or opens_minute >= closes_minute
),

overlapping as (
    select
        earlier.schedule_id,
        earlier.day_type,
        earlier.opens_at,
        earlier.closes_at,
        'overlaps the interval opening at ' || later.opens_at as problem
    from business_hours as earlier
    inner join business_hours as later
        on earlier.schedule_id = later.schedule_id
        and earlier.day_type = later.day_type
        and earlier.opens_minute < later.opens_minute
        and later.opens_minute < earlier.closes_minute
)

select * from malformed
union all
select * from overlapping
