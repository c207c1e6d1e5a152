{#- Every status change of every conversation, from every helpdesk source (Zendesk-shaped audits today). -#}
with

demo_status_changes as (
    select * from {{ ref('stg_demo__ticket_status_changes') }}
),

demo as (
    select
        'demo-' || cast(status_change_id as varchar) as status_change_id,
        'demo-' || cast(ticket_id as varchar) as conversation_id,
        'demo' as source_system,
        'demo-' || cast(author_id as varchar) as author_id,
        previous_status,
        new_status,
        changed_at
    from demo_status_changes
),

unioned as (
    select * from demo
)

select * from unioned
