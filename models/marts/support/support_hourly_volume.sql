{#- Hourly volume and response by weekday x hour, for staffing: once in the customer's local time (the market's
    time zone) and once in the team's local time (the time zone of the team that handles the conversation). -#}
with

conversations as (
    select * from {{ ref('fct_conversations') }}
),

response_events as (
    select * from {{ ref('fct_response_events') }}
),

markets as (
    select * from {{ ref('dim_markets') }}
),

agents as (
    select * from {{ ref('dim_agents') }}
),

team_time_zones as (
    -- a team works in the time zone most of its human agents have (a tie goes to the first zone by name, so every
    -- build picks the same one)
    select
        group_id,
        time_zone as team_time_zone
    from agents
    where not is_bot
        and group_id is not null
    group by group_id, time_zone
    qualify row_number() over (partition by group_id order by count(*) desc, time_zone) = 1
),

waits as (
    select
        response_events.response_id,
        response_events.conversation_id,
        response_events.is_first_response,
        response_events.started_at,
        response_events.response_status,
        response_events.response_seconds,
        coalesce(response_events.market_code, 'unknown') as market_code,
        response_events.channel,
        markets.time_zone as customer_time_zone,
        team_time_zones.team_time_zone
    from response_events
    left join markets
        on response_events.market_code = markets.market_code
    left join team_time_zones
        on response_events.group_id = team_time_zones.group_id
),

-- Each time zone's UTC offset per quarter hour, worked out once per zone and quarter hour instead of once per wait
-- (a time zone conversion is the costliest step here): every zone's offset is a whole number of quarter hours and
-- changes at a local whole or half hour, so it is constant within each UTC quarter hour.
zone_quarters as (
    select distinct customer_time_zone as time_zone, time_bucket(interval 15 minute, started_at) as quarter_start
    from waits
    where customer_time_zone is not null
    union
    select distinct team_time_zone, time_bucket(interval 15 minute, started_at)
    from waits
    where team_time_zone is not null
),

zone_offsets as (
    select
        time_zone,
        quarter_start,
        {{ utc_to_local('quarter_start', 'time_zone') }} - quarter_start as utc_offset
    from zone_quarters
),

localised as (
    select
        'customer_local' as time_basis,
        waits.started_at + zone_offsets.utc_offset as started_at_local,
        waits.*
    from waits
    inner join zone_offsets
        on waits.customer_time_zone = zone_offsets.time_zone
        and time_bucket(interval 15 minute, waits.started_at) = zone_offsets.quarter_start
    union all
    select
        'team_local' as time_basis,
        waits.started_at + zone_offsets.utc_offset as started_at_local,
        waits.*
    from waits
    inner join zone_offsets
        on waits.team_time_zone = zone_offsets.time_zone
        and time_bucket(interval 15 minute, waits.started_at) = zone_offsets.quarter_start
),

final as (
    select
        time_basis,
        cast(extract(isodow from started_at_local) as integer) as iso_day_of_week,
        cast(extract(hour from started_at_local) as integer) as hour_of_day,
        market_code,
        channel,
        count(*) as waits_started,
        count(case when is_first_response then 1 end) as conversations_started,
        count(case when response_status = 'replied' then 1 end) as waits_replied,
        count(case when response_status = 'awaiting' then 1 end) as waits_awaiting,
        avg(response_seconds) as avg_response_seconds,
        percentile_cont(0.5) within group (order by response_seconds) as median_response_seconds,
        percentile_cont(0.9) within group (order by response_seconds) as p90_response_seconds,
        avg(case when is_first_response then response_seconds end) as avg_first_response_seconds
    from localised
    group by 1, 2, 3, 4, 5
)

select * from final
