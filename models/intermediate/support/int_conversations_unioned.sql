{{ config(materialized='table') }}
{#- Support conversations from every helpdesk source, in one canonical shape: one branch per enabled source with
    Zendesk-shaped tickets (the demo, the Zendesk API), unioned by name. Deleted tickets are left out (and with
    them, in the models that belong to conversations, their messages, status changes and ratings). -#}
with

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_tickets as (
    select * from {{ ref('stg_' ~ system ~ '__tickets') }}
),

{{ system }}_requesters as (
    select * from {{ ref('stg_' ~ system ~ '__users') }}
),

{{ system }}_conversations as (
    select
        tickets.source_system || '-' || cast(tickets.ticket_id as varchar) as conversation_id,
        tickets.source_system,
        cast(tickets.ticket_id as varchar) as source_conversation_id,
        tickets.created_at,
        tickets.updated_at,
        tickets.subject,
        tickets.status,
        tickets.status in ('solved', 'closed') as is_solved,
        tickets.priority,
        tickets.channel,
        tickets.via_channel,
        tickets.market_code,
        tickets.platform,
        tickets.order_number,
        tickets.tags,
        tickets.description,
        requesters.language_code,
        tickets.source_system || '-' || cast(tickets.requester_id as varchar) as requester_id,
        tickets.source_system || '-' || cast(tickets.assignee_id as varchar) as assignee_id,
        tickets.source_system || '-' || cast(tickets.group_id as varchar) as group_id
    from {{ system }}_tickets as tickets
    left join {{ system }}_requesters as requesters
        on tickets.requester_id = requesters.user_id
    -- a deleted ticket (Zendesk exports it once more with status `deleted`) is no longer a conversation
    where tickets.status is distinct from 'deleted'
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk'), '_conversations') }}
)

select * from unioned
