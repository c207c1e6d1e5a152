{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- Every interval the support team is timed on, one row each, for business-time and SLA maths
    (int_support_waits_timed): customer waits for a human reply (the first one is `first_response`, later ones
    `response`), and the time from creation to the first and to the final solve. Waits that ended because the
    conversation was solved without a reply are not timed. `ended_at` is null while the wait is still open.
    Incremental: an incremental build rebuilds the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
with

responses as (
    select * from {{ ref('int_responses_paired') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

resolutions as (
    select * from {{ ref('int_conversations_resolved') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

response_waits as (
    select
        responses.response_id as wait_id,
        responses.conversation_id,
        case when responses.is_first_response then 'first_response' else 'response' end as wait_kind,
        responses.started_at,
        responses.replied_at as ended_at
    from responses
    where responses.response_status <> 'closed_without_reply'
),

resolution_waits as (
    select
        resolutions.conversation_id || '-' || kinds.wait_kind as wait_id,
        resolutions.conversation_id,
        kinds.wait_kind,
        conversations.created_at as started_at,
        case kinds.wait_kind
            when 'first_resolution' then resolutions.first_solved_at
            else resolutions.final_solved_at
        end as ended_at
    from resolutions
    inner join conversations
        on resolutions.conversation_id = conversations.conversation_id
    cross join (
        select 'first_resolution' as wait_kind
        union all
        select 'final_resolution' as wait_kind
    ) as kinds
),

waits as (
    select * from response_waits
    union all
    select * from resolution_waits
),

final as (
    select
        waits.wait_id,
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
