{{ incremental_by_key('conversation_id', 'int_conversations_remeasured') }}
{#- One row per customer wait that got, or still awaits, a human agent reply (docs block `response_waits`),
    with the conversation's attributes for slicing.
    Incremental: an incremental build rebuilds the conversations in int_conversations_remeasured (docs block
    `incremental_builds`). -#}
with

responses as (
    select * from {{ ref('int_responses_paired') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

waits_timed as (
    select * from {{ ref('int_support_waits_timed') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
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
        waits_timed.business_seconds as response_business_seconds,
        waits_timed.schedule_id,
        waits_timed.sla_policy_id,
        waits_timed.sla_target_minutes,
        waits_timed.sla_time_basis,
        waits_timed.sla_due_at,
        coalesce(waits_timed.is_sla_applicable, false) as is_sla_applicable,
        waits_timed.is_sla_breached,
        waits_timed.sla_breached_at,
        conversations.channel,
        conversations.market_code,
        conversations.platform,
        conversations.language_code,
        conversations.priority,
        conversations.group_id
    from responses
    inner join conversations
        on responses.conversation_id = conversations.conversation_id
    -- waits closed without a reply are not timed (int_support_waits)
    left join waits_timed
        on responses.response_id = waits_timed.wait_id
)

select * from final
