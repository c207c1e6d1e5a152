-- Customer waits agree between layers: waits in int_responses_paired = rows of fct_response_events = the sum
-- of response_wait_count in fct_conversations; replied waits = responses in support_kpis_daily; agent
-- responses in agent_performance_weekly = replied waits (every reply has an agent). A row is a failure.
with

paired as (
    select
        count(*) as waits,
        count(case when response_status = 'replied' then 1 end) as replied
    from {{ ref('int_responses_paired') }}
),

facts as (
    select count(*) as waits from {{ ref('fct_response_events') }}
),

conversations as (
    select
        sum(response_wait_count) as waits,
        sum(replied_wait_count) as replied
    from {{ ref('fct_conversations') }}
),

daily as (
    select coalesce(sum(responses), 0) as replied from {{ ref('support_kpis_daily') }}
),

agents as (
    select coalesce(sum(responses), 0) as replied from {{ ref('agent_performance_weekly') }}
),

hourly as (
    select coalesce(sum(waits_started), 0) as waits
    from {{ ref('support_hourly_volume') }}
    where time_basis = 'customer_local'
),

known_market_waits as (
    select count(*) as waits
    from {{ ref('fct_response_events') }}
    where market_code in (select market_code from {{ ref('dim_markets') }})
)

select *
from paired
cross join facts
cross join conversations
cross join daily
cross join agents
cross join hourly
cross join known_market_waits
where paired.waits != facts.waits
    or facts.waits != conversations.waits
    or paired.replied != conversations.replied
    or paired.replied != daily.replied
    or paired.replied != agents.replied
    or hourly.waits != known_market_waits.waits
