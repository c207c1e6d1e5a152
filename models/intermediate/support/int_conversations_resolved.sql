{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- Resolution of every conversation that has a status history: first and final solve and reopens. Definitions:
    docs block `resolution`.
    Incremental: an incremental build rebuilds the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
with

status_changes as (
    select * from {{ ref('int_status_changes_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

solves as (
    select
        conversation_id,
        min(changed_at) as first_solved_at,
        max(changed_at) as last_solved_at,
        count(*) as solve_count
    from status_changes
    -- straight to closed without passing solved counts as a solve too
    where new_status = 'solved'
        or (new_status = 'closed' and coalesce(previous_status, '') <> 'solved')
    group by 1
),

reopens as (
    select
        conversation_id,
        count(*) as reopen_count,
        min(changed_at) as first_reopened_at
    from status_changes
    where previous_status in ('solved', 'closed')
        and new_status not in ('solved', 'closed')
    group by 1
),

final as (
    select
        conversations.conversation_id,
        solves.first_solved_at,
        case when conversations.is_solved then solves.last_solved_at end as final_solved_at,
        coalesce(solves.solve_count, 0) as solve_count,
        coalesce(reopens.reopen_count, 0) as reopen_count,
        reopens.first_reopened_at
    from conversations
    left join solves
        on conversations.conversation_id = solves.conversation_id
    left join reopens
        on conversations.conversation_id = reopens.conversation_id
)

select * from final
