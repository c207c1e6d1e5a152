{#- Agent performance by week x agent: the waits each agent ended (by the week of the reply) and the
    conversations assigned to them that were solved (by the week of the final solve), with their one-touch,
    reopen and CSAT figures. Weeks start on Monday (UTC). -#}
with

response_events as (
    select * from {{ ref('fct_response_events') }}
),

conversations as (
    select * from {{ ref('fct_conversations') }}
),

agents as (
    select * from {{ ref('dim_agents') }}
),

weekly_responses as (
    select
        cast({{ dbt.date_trunc('week', 'replied_at') }} as date) as week_start_date,
        agent_id,
        count(*) as responses,
        count(case when is_first_response then 1 end) as first_responses,
        avg(response_seconds) as avg_response_seconds,
        percentile_cont(0.5) within group (order by response_seconds) as median_response_seconds,
        percentile_cont(0.9) within group (order by response_seconds) as p90_response_seconds,
        avg(case when is_first_response then response_seconds end) as avg_first_response_seconds,
        count(distinct conversation_id) as conversations_replied
    from response_events
    where response_status = 'replied'
    group by 1, 2
),

weekly_solves as (
    select
        cast({{ dbt.date_trunc('week', 'final_solved_at') }} as date) as week_start_date,
        assignee_id as agent_id,
        count(*) as conversations_solved,
        count(case when is_one_touch then 1 end) as conversations_one_touch,
        count(case when reopen_count > 0 then 1 end) as conversations_reopened,
        avg(final_resolution_seconds) as avg_final_resolution_seconds,
        count(case when is_csat_rated then 1 end) as csat_rated,
        count(case when is_csat_satisfied then 1 end) as csat_satisfied
    from conversations
    where final_solved_at is not null
        and assignee_id is not null
    group by 1, 2
),

combined as (
    select
        coalesce(weekly_responses.week_start_date, weekly_solves.week_start_date) as week_start_date,
        coalesce(weekly_responses.agent_id, weekly_solves.agent_id) as agent_id,
        coalesce(weekly_responses.responses, 0) as responses,
        coalesce(weekly_responses.first_responses, 0) as first_responses,
        coalesce(weekly_responses.conversations_replied, 0) as conversations_replied,
        weekly_responses.avg_response_seconds,
        weekly_responses.median_response_seconds,
        weekly_responses.p90_response_seconds,
        weekly_responses.avg_first_response_seconds,
        coalesce(weekly_solves.conversations_solved, 0) as conversations_solved,
        coalesce(weekly_solves.conversations_one_touch, 0) as conversations_one_touch,
        coalesce(weekly_solves.conversations_reopened, 0) as conversations_reopened,
        weekly_solves.avg_final_resolution_seconds,
        coalesce(weekly_solves.csat_rated, 0) as csat_rated,
        coalesce(weekly_solves.csat_satisfied, 0) as csat_satisfied
    from weekly_responses
    full outer join weekly_solves
        on weekly_responses.week_start_date = weekly_solves.week_start_date
        and weekly_responses.agent_id = weekly_solves.agent_id
),

final as (
    select
        combined.week_start_date,
        combined.agent_id,
        agents.agent_name,
        agents.team_name,
        agents.time_zone as agent_time_zone,
        agents.is_active as is_agent_active,
        combined.responses,
        combined.first_responses,
        combined.conversations_replied,
        combined.avg_response_seconds,
        combined.median_response_seconds,
        combined.p90_response_seconds,
        combined.avg_first_response_seconds,
        combined.conversations_solved,
        combined.conversations_one_touch,
        combined.conversations_reopened,
        combined.avg_final_resolution_seconds,
        combined.csat_rated,
        combined.csat_satisfied,
        cast(combined.conversations_one_touch as double) / nullif(combined.conversations_solved, 0) as one_touch_rate,
        cast(combined.conversations_reopened as double) / nullif(combined.conversations_solved, 0) as reopen_rate,
        cast(combined.csat_satisfied as double) / nullif(combined.csat_rated, 0) as csat_rate
    from combined
    left join agents
        on combined.agent_id = agents.agent_id
)

select * from final
