{#- Every status change of every conversation, from every helpdesk source (Zendesk-shaped audits today). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_status_changes as (
    select * from {{ ref('stg_' ~ system ~ '__ticket_status_changes') }}
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

unioned as (
    {{ union_branches(sources_shaped_like('zendesk'), '_canonical') }}
)

-- only what belongs to a conversation that exists (not to a deleted ticket)
select * from unioned
where conversation_id in (select conversation_id from conversations)
