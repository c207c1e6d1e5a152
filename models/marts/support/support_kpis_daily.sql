{#- Daily support KPIs by date x market x channel x platform x language, for BI dashboards. Conversation counts
    and first-response figures are by the conversation's creation date; every-response figures are over the
    waits of those conversations. -#}
with

conversations as (
    select * from {{ ref('fct_conversations') }}
),

response_events as (
    select * from {{ ref('fct_response_events') }}
),

conversation_cells as (
    select
        conversation_id,
        created_date as date_day,
        coalesce(market_code, 'unknown') as market_code,
        channel,
        coalesce(platform, 'unknown') as platform,
        coalesce(language_code, 'unknown') as language_code
    from conversations
),

daily_conversations as (
    select
        conversation_cells.date_day,
        conversation_cells.market_code,
        conversation_cells.channel,
        conversation_cells.platform,
        conversation_cells.language_code,
        count(*) as conversations,
        count(case when conversations.has_agent_reply then 1 end) as conversations_answered,
        count(case when not conversations.has_agent_reply and not conversations.is_bot_only then 1 end)
            as conversations_unanswered,
        count(case when conversations.has_bot_reply then 1 end) as conversations_with_bot_reply,
        count(case when conversations.is_bot_only then 1 end) as conversations_bot_only,
        count(case when conversations.is_agent_created then 1 end) as conversations_agent_created,
        count(case when conversations.is_solved then 1 end) as conversations_solved,
        count(case when conversations.is_one_touch then 1 end) as conversations_one_touch,
        count(case when conversations.is_two_touch then 1 end) as conversations_two_touch,
        count(case when conversations.reopen_count > 0 then 1 end) as conversations_reopened,
        count(case when conversations.is_awaiting_reply then 1 end) as conversations_awaiting_reply,
        count(case when conversations.is_csat_offered then 1 end) as csat_offered,
        count(case when conversations.is_csat_rated then 1 end) as csat_rated,
        count(case when conversations.is_csat_satisfied then 1 end) as csat_satisfied,
        sum(conversations.customer_message_count) as customer_messages,
        sum(conversations.agent_reply_count) as agent_replies,
        avg(conversations.first_response_seconds) as avg_first_response_seconds,
        percentile_cont(0.5) within group (order by conversations.first_response_seconds)
            as median_first_response_seconds,
        percentile_cont(0.9) within group (order by conversations.first_response_seconds)
            as p90_first_response_seconds,
        avg(conversations.first_bot_reply_seconds) as avg_first_bot_reply_seconds,
        avg(conversations.handoff_wait_seconds) as avg_handoff_wait_seconds,
        avg(conversations.first_resolution_seconds) as avg_first_resolution_seconds,
        avg(conversations.final_resolution_seconds) as avg_final_resolution_seconds
    from conversation_cells
    inner join conversations
        on conversation_cells.conversation_id = conversations.conversation_id
    group by 1, 2, 3, 4, 5
),

daily_responses as (
    select
        conversation_cells.date_day,
        conversation_cells.market_code,
        conversation_cells.channel,
        conversation_cells.platform,
        conversation_cells.language_code,
        count(case when response_events.response_status = 'replied' then 1 end) as responses,
        avg(response_events.response_seconds) as avg_response_seconds,
        percentile_cont(0.5) within group (order by response_events.response_seconds) as median_response_seconds,
        percentile_cont(0.9) within group (order by response_events.response_seconds) as p90_response_seconds
    from conversation_cells
    inner join response_events
        on conversation_cells.conversation_id = response_events.conversation_id
    group by 1, 2, 3, 4, 5
),

final as (
    select
        daily_conversations.*,
        coalesce(daily_responses.responses, 0) as responses,
        daily_responses.avg_response_seconds,
        daily_responses.median_response_seconds,
        daily_responses.p90_response_seconds,
        cast(daily_conversations.conversations_answered as double)
            / nullif(daily_conversations.conversations, 0) as answered_rate,
        cast(daily_conversations.conversations_one_touch as double)
            / nullif(daily_conversations.conversations_solved, 0) as one_touch_rate,
        cast(daily_conversations.conversations_reopened as double)
            / nullif(daily_conversations.conversations_solved, 0) as reopen_rate,
        cast(daily_conversations.csat_satisfied as double) / nullif(daily_conversations.csat_rated, 0) as csat_rate,
        cast(daily_conversations.csat_rated as double) / nullif(daily_conversations.csat_offered, 0)
            as csat_response_rate
    from daily_conversations
    left join daily_responses
        on daily_conversations.date_day = daily_responses.date_day
        and daily_conversations.market_code = daily_responses.market_code
        and daily_conversations.channel = daily_responses.channel
        and daily_conversations.platform = daily_responses.platform
        and daily_conversations.language_code = daily_responses.language_code
)

select * from final
