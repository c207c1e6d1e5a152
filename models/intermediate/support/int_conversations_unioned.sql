{{ config(materialized='table') }}
{#- Support conversations from every helpdesk source, in one canonical shape. Today: the demo's Zendesk-shaped
    tickets; real Zendesk and helpdesk file exports are added here as further union branches. -#}
with

demo_tickets as (
    select * from {{ ref('stg_demo__tickets') }}
),

demo_requesters as (
    select * from {{ ref('stg_demo__users') }}
),

demo_conversations as (
    select
        demo_tickets.source_system || '-' || cast(demo_tickets.ticket_id as varchar) as conversation_id,
        demo_tickets.source_system,
        demo_tickets.ticket_id as source_conversation_id,
        demo_tickets.created_at,
        demo_tickets.updated_at,
        demo_tickets.subject,
        demo_tickets.status,
        demo_tickets.status in ('solved', 'closed') as is_solved,
        demo_tickets.priority,
        demo_tickets.channel,
        demo_tickets.via_channel,
        demo_tickets.market_code,
        demo_tickets.platform,
        demo_tickets.order_number,
        demo_tickets.tags,
        demo_tickets.description,
        demo_requesters.language_code,
        demo_tickets.source_system || '-' || cast(demo_tickets.requester_id as varchar) as requester_id,
        demo_tickets.source_system || '-' || cast(demo_tickets.assignee_id as varchar) as assignee_id,
        demo_tickets.source_system || '-' || cast(demo_tickets.group_id as varchar) as group_id
    from demo_tickets
    left join demo_requesters
        on demo_tickets.requester_id = demo_requesters.user_id
),

unioned as (
    select * from demo_conversations
)

select * from unioned
