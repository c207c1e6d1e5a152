{#- One row per customer wait that got, or still awaits, a human agent reply (docs block `response_waits`),
    with the conversation's attributes for slicing. -#}
with

responses as (
    select * from {{ ref('int_responses_paired') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

final as (
    select
        responses.response_id,
        responses.conversation_id,
        responses.response_number,
        responses.is_first_response,
        responses.started_at,
        cast(responses.started_at as date) as started_date,
        responses.last_customer_message_at,
        responses.customer_message_count,
        responses.replied_at,
        responses.replied_by_agent_id as agent_id,
        responses.response_status,
        responses.response_seconds,
        conversations.channel,
        conversations.market_code,
        conversations.platform,
        conversations.language_code,
        conversations.priority,
        conversations.group_id
    from responses
    inner join conversations
        on responses.conversation_id = conversations.conversation_id
)

select * from final
