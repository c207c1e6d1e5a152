{#- One row per support conversation, with its first-response metrics. Definitions: see the docs blocks in
    _core__docs.md (first_response_seconds and friends). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

messages as (
    select * from {{ ref('int_messages_classified') }}
),

first_customer_messages as (
    select
        conversation_id,
        min(created_at) as first_customer_message_at
    from messages
    where author_type = 'customer'
        and is_public
    group by 1
),

first_replies as (
    select
        messages.conversation_id,
        min(case when messages.author_type = 'agent' then messages.created_at end) as first_agent_reply_at,
        min(case when messages.author_type = 'bot' then messages.created_at end) as first_bot_reply_at
    from messages
    inner join first_customer_messages
        on messages.conversation_id = first_customer_messages.conversation_id
    where messages.is_public
        and messages.author_type in ('agent', 'bot')
        and messages.created_at >= first_customer_messages.first_customer_message_at
    group by 1
),

message_counts as (
    select
        conversation_id,
        count(case when author_type = 'customer' and is_public then 1 end) as customer_message_count,
        count(case when author_type = 'agent' and is_public then 1 end) as agent_reply_count,
        count(case when author_type = 'bot' and is_public then 1 end) as bot_reply_count,
        count(case when not is_public then 1 end) as internal_note_count
    from messages
    group by 1
),

first_messages as (
    select
        conversation_id,
        author_type as first_message_author_type
    from messages
    qualify row_number() over (partition by conversation_id order by created_at, message_id) = 1
),

final as (
    select
        conversations.conversation_id,
        conversations.source_system,
        conversations.source_conversation_id,
        conversations.created_at,
        cast(conversations.created_at as date) as created_date,
        conversations.updated_at,
        conversations.status,
        conversations.is_solved,
        conversations.priority,
        conversations.channel,
        conversations.via_channel,
        conversations.market_code,
        conversations.platform,
        conversations.language_code,
        conversations.order_number,
        conversations.requester_id,
        conversations.assignee_id,
        conversations.group_id,
        coalesce(first_messages.first_message_author_type = 'agent', false) as is_agent_created,
        first_customer_messages.first_customer_message_at,
        first_replies.first_agent_reply_at,
        first_replies.first_bot_reply_at,
        {{ seconds_between('first_customer_messages.first_customer_message_at', 'first_replies.first_agent_reply_at') }}
            as first_response_seconds,
        {{ seconds_between('first_customer_messages.first_customer_message_at', 'first_replies.first_bot_reply_at') }}
            as first_bot_reply_seconds,
        case
            when first_replies.first_bot_reply_at < first_replies.first_agent_reply_at
                then {{ seconds_between('first_replies.first_bot_reply_at', 'first_replies.first_agent_reply_at') }}
        end as handoff_wait_seconds,
        first_replies.first_agent_reply_at is not null as has_agent_reply,
        first_replies.first_bot_reply_at is not null as has_bot_reply,
        first_replies.first_bot_reply_at is not null
            and first_replies.first_agent_reply_at is null as is_bot_only,
        coalesce(message_counts.customer_message_count, 0) as customer_message_count,
        coalesce(message_counts.agent_reply_count, 0) as agent_reply_count,
        coalesce(message_counts.bot_reply_count, 0) as bot_reply_count,
        coalesce(message_counts.internal_note_count, 0) as internal_note_count
    from conversations
    left join first_customer_messages
        on conversations.conversation_id = first_customer_messages.conversation_id
    left join first_replies
        on conversations.conversation_id = first_replies.conversation_id
    left join message_counts
        on conversations.conversation_id = message_counts.conversation_id
    left join first_messages
        on conversations.conversation_id = first_messages.conversation_id
)

select * from final
