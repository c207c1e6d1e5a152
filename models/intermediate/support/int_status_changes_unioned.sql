{#- Every status change of every conversation, from every helpdesk source (Zendesk-shaped audits today). -#}
with

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

select * from unioned
