{#- PLACEHOLDER, replaced at merge by the support side's model of the same name and columns: one row per interval
    to time (a customer's wait for a first response, for every response, for the first and the final
    resolution). This simple version exists so that the business-time models (int_support_waits_timed) have
    their input; its column list is the contract:
    wait_id, conversation_id, wait_kind, group_id, market_code, channel, priority, started_at, ended_at.
    A table, so that its tests and int_support_waits_timed do not recompute the window functions. -#}
{{ config(materialized='table') }}

with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

messages as (
    select * from {{ ref('int_messages_classified') }}
),

demo_status_changes as (
    select * from {{ ref('stg_demo__ticket_status_changes') }}
),

public_messages as (
    select
        conversation_id,
        author_type,
        created_at,
        -- A customer message opens a wait when it is the first since the last agent reply.
        lag(author_type) over (
            partition by conversation_id
            order by created_at, message_id
        ) as previous_author_type,
        min(case when author_type = 'agent' then created_at end) over (
            partition by conversation_id
            order by created_at, message_id
            rows between 1 following and unbounded following
        ) as next_agent_reply_at,
        row_number() over (partition by conversation_id order by created_at, message_id) as message_number
    from messages
    where is_public
        and author_type in ('customer', 'agent')
),

response_waits as (
    select
        conversation_id,
        'response' as wait_kind,
        row_number() over (partition by conversation_id order by created_at, message_number) as wait_number,
        created_at as started_at,
        next_agent_reply_at as ended_at
    from public_messages
    where author_type = 'customer'
        and coalesce(previous_author_type, 'agent') = 'agent'
),

first_response_waits as (
    select
        conversation_id,
        'first_response' as wait_kind,
        1 as wait_number,
        started_at,
        ended_at
    from response_waits
    where wait_number = 1
),

solves as (
    select
        'demo-' || cast(ticket_id as varchar) as conversation_id,
        min(changed_at) as first_solved_at,
        max(changed_at) as last_solved_at
    from demo_status_changes
    where new_status = 'solved'
    group by 1
),

resolution_waits as (
    select
        conversations.conversation_id,
        'first_resolution' as wait_kind,
        1 as wait_number,
        conversations.created_at as started_at,
        solves.first_solved_at as ended_at
    from conversations
    left join solves
        on conversations.conversation_id = solves.conversation_id

    union all

    select
        conversations.conversation_id,
        'final_resolution' as wait_kind,
        1 as wait_number,
        conversations.created_at as started_at,
        case when conversations.is_solved then solves.last_solved_at end as ended_at
    from conversations
    left join solves
        on conversations.conversation_id = solves.conversation_id
),

waits as (
    select * from first_response_waits
    union all
    select * from response_waits
    union all
    select * from resolution_waits
),

final as (
    select
        waits.conversation_id || ':' || waits.wait_kind || ':' || cast(waits.wait_number as varchar) as wait_id,
        waits.conversation_id,
        waits.wait_kind,
        conversations.group_id,
        conversations.market_code,
        conversations.channel,
        conversations.priority,
        waits.started_at,
        waits.ended_at
    from waits
    inner join conversations
        on waits.conversation_id = conversations.conversation_id
)

select * from final
