{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- Every customer wait paired with the agent reply that ended it. A wait is a run of public customer messages
    with no public human-agent reply between them; it starts at the run's first message and ends at the next
    public human-agent reply. Bot replies and internal notes neither start nor end a wait. Definitions and edge
    cases: docs block `response_waits`.
    Incremental: an incremental build rebuilds the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
with

messages as (
    select * from {{ ref('int_messages_classified') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

public_human_messages as (
    select
        conversation_id,
        message_id,
        author_type,
        author_id,
        created_at,
        -- agent replies written before this message (macro message_order: in one second the customer comes
        -- first, so a reply in the same second answers the message)
        count(case when author_type = 'agent' then 1 end) over (
            partition by conversation_id
            order by {{ message_order() }}
            rows between unbounded preceding and 1 preceding
        ) as agent_replies_before
    from messages
    where is_public
        and author_type in ('customer', 'agent')
),

customer_runs as (
    select
        conversation_id,
        agent_replies_before,
        min(created_at) as started_at,
        max(created_at) as last_customer_message_at,
        count(*) as customer_message_count
    from public_human_messages
    where author_type = 'customer'
    group by 1, 2
),

agent_replies as (
    select
        conversation_id,
        agent_replies_before,
        created_at as replied_at,
        author_id as replied_by_agent_id,
        message_id as reply_message_id
    from public_human_messages
    where author_type = 'agent'
),

paired as (
    select
        customer_runs.conversation_id,
        row_number() over (
            partition by customer_runs.conversation_id
            order by customer_runs.started_at
        ) as response_number,
        customer_runs.started_at,
        customer_runs.last_customer_message_at,
        customer_runs.customer_message_count,
        agent_replies.replied_at,
        agent_replies.replied_by_agent_id,
        agent_replies.reply_message_id
    from customer_runs
    left join agent_replies
        on customer_runs.conversation_id = agent_replies.conversation_id
        and customer_runs.agent_replies_before = agent_replies.agent_replies_before
),

final as (
    select
        paired.conversation_id || '-' || cast(paired.response_number as varchar) as response_id,
        paired.conversation_id,
        paired.response_number,
        paired.response_number = 1 as is_first_response,
        paired.started_at,
        paired.last_customer_message_at,
        paired.customer_message_count,
        paired.replied_at,
        paired.replied_by_agent_id,
        paired.reply_message_id,
        case
            when paired.replied_at is not null then 'replied'
            when conversations.is_solved then 'closed_without_reply'
            else 'awaiting'
        end as response_status,
        {{ seconds_between('paired.started_at', 'paired.replied_at') }} as response_seconds
    from paired
    inner join conversations
        on paired.conversation_id = conversations.conversation_id
)

select * from final
