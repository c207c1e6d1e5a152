{#- Daily support KPIs by date x market x channel x platform x language, for BI dashboards. -#}
with

conversations as (
    select * from {{ ref('fct_conversations') }}
),

daily as (
    select
        created_date as date_day,
        coalesce(market_code, 'unknown') as market_code,
        channel,
        coalesce(platform, 'unknown') as platform,
        coalesce(language_code, 'unknown') as language_code,
        count(*) as conversations,
        count(case when has_agent_reply then 1 end) as conversations_answered,
        count(case when not has_agent_reply and not is_bot_only then 1 end) as conversations_unanswered,
        count(case when has_bot_reply then 1 end) as conversations_with_bot_reply,
        count(case when is_bot_only then 1 end) as conversations_bot_only,
        count(case when is_agent_created then 1 end) as conversations_agent_created,
        count(case when is_solved then 1 end) as conversations_solved,
        sum(customer_message_count) as customer_messages,
        sum(agent_reply_count) as agent_replies,
        avg(first_response_seconds) as avg_first_response_seconds,
        percentile_cont(0.5) within group (order by first_response_seconds) as median_first_response_seconds,
        percentile_cont(0.9) within group (order by first_response_seconds) as p90_first_response_seconds,
        avg(first_bot_reply_seconds) as avg_first_bot_reply_seconds,
        avg(handoff_wait_seconds) as avg_handoff_wait_seconds
    from conversations
    group by 1, 2, 3, 4, 5
),

final as (
    select
        daily.*,
        cast(conversations_answered as double) / nullif(conversations, 0) as answered_rate
    from daily
)

select * from final
