{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- Every status change of every conversation, from every helpdesk source: Zendesk-shaped audits, and for helpdesk
    exports (which have no history) the last solve and, when open again since, a reopen.
    Incremental: an incremental build rebuilds the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_status_changes as (
    select * from {{ ref('stg_' ~ system ~ '__ticket_status_changes') }}
    where {{ only_changed_in_source('ticket_id', system, 'int_conversations_changed', 'conversation_id', 'bigint') }}
),

{{ system }}_canonical as (
    select
        '{{ system }}-' || cast(status_change_id as varchar) as status_change_id,
        '{{ system }}-' || cast(ticket_id as varchar) as conversation_id,
        '{{ system }}' as source_system,
        '{{ system }}-' || cast(author_id as varchar) as author_id,
        previous_status,
        new_status,
        changed_at
    from {{ system }}_status_changes
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_exported_conversations as (
    select
        *,
        -- a solved export without a solve time was solved when it was last updated
        coalesce(solved_at, case when status in ('solved', 'closed') then updated_at end) as solve_time
    from {{ ref('stg_' ~ system ~ '__conversations') }}
    where {{ only_changed_in_source('conversation_id', system, 'int_conversations_changed', 'conversation_id', 'varchar') }}
),

{{ system }}_canonical as (
    -- an export has only the last solve: that solve, and a reopen when the conversation is open again since
    select
        '{{ system }}-' || conversation_id || ':solved' as status_change_id,
        '{{ system }}-' || conversation_id as conversation_id,
        '{{ system }}' as source_system,
        '{{ system }}-' || helpdesk || ':' || assignee_key as author_id,
        cast(null as varchar) as previous_status,
        'solved' as new_status,
        solve_time as changed_at
    from {{ system }}_exported_conversations
    where solve_time is not null
    union all
    select
        '{{ system }}-' || conversation_id || ':reopened',
        '{{ system }}-' || conversation_id,
        '{{ system }}',
        cast(null as varchar),
        'solved',
        status,
        greatest(updated_at, solve_time)
    from {{ system }}_exported_conversations
    where solve_time is not null
        and status not in ('solved', 'closed')
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_canonical') }}
)

-- only what belongs to a conversation that exists (not to a deleted ticket)
select * from unioned
where conversation_id in (select conversation_id from conversations)
    and {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
