{{ incremental_by_key('conversation_id', 'int_conversations_landed') }}
{#- Support conversations from every helpdesk source, in one canonical shape: one branch per enabled source with
    Zendesk-shaped tickets (the demo, the Zendesk API) and one per source of helpdesk exports (conversation files
    of `files`), unioned by name. Deleted tickets are left out (and with
    them, in the models that belong to conversations, their messages, status changes and ratings).
    A table kept incrementally: an incremental build rebuilds the conversations in int_conversations_landed (docs
    block `incremental_builds`). -#}
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

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_exported_conversations as (
    select * from {{ ref('stg_' ~ system ~ '__conversations') }}
),

{{ system }}_first_customer_messages as (
    select conversation_id, body
    from {{ ref('stg_' ~ system ~ '__messages') }}
    where author_role = 'customer'
    qualify row_number() over (partition by conversation_id order by created_at, message_id) = 1
),

{{ system }}_conversations as (
    select
        '{{ system }}-' || conversations.conversation_id as conversation_id,
        '{{ system }}' as source_system,
        conversations.conversation_id as source_conversation_id,
        conversations.created_at,
        conversations.updated_at,
        conversations.subject,
        conversations.status,
        conversations.status in ('solved', 'closed') as is_solved,
        -- exports carry no priority (SLA policies for `*` apply) and no platform (the order link finds it)
        cast(null as varchar) as priority,
        conversations.channel,
        conversations.via_channel,
        conversations.market_code,
        cast(null as varchar) as platform,
        conversations.order_number,
        conversations.tags,
        -- as in Zendesk, the description is the first customer message
        first_messages.body as description,
        conversations.language_code,
        '{{ system }}-' || conversations.helpdesk || ':' || conversations.requester_key as requester_id,
        '{{ system }}-' || conversations.helpdesk || ':' || conversations.assignee_key as assignee_id,
        cast(null as varchar) as group_id
    from {{ system }}_exported_conversations as conversations
    left join {{ system }}_first_customer_messages as first_messages
        on conversations.conversation_id = first_messages.conversation_id
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_conversations') }}
)

select * from unioned
where {{ only_changed('conversation_id', 'int_conversations_landed', 'conversation_id') }}
