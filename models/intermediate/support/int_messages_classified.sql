{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- Every message of every conversation with its author classified as customer, agent or bot, from every
    helpdesk source, by the role the author had when the message was written (int_helpdesk_user_roles), so an
    agent who has since left and been downgraded stays an agent in history. A message is a bot's when it came
    through the bot channel (Zendesk `answer_bot`) or its author was a bot user; otherwise an agent's when its
    author then had an agent or admin role; otherwise the customer's. Helpdesk exports name the role on each
    message (a `system` notice becomes a non-public bot message). Not the message text: no model reads it from here
    (the searches for order numbers and contact reasons read a conversation's subject and first message, which
    int_conversations_unioned takes from staging), and writing millions of texts cost more than classifying them. -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

user_roles as (
    select * from {{ ref('int_helpdesk_user_roles') }}
),

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_comments as (
    select * from {{ ref('stg_' ~ system ~ '__ticket_comments') }}
    where {{ only_changed_in_source('ticket_id', system, 'int_conversations_changed', 'conversation_id', 'bigint') }}
),

{{ system }}_messages as (
    select
        '{{ system }}-' || cast(comments.comment_id as varchar) as message_id,
        '{{ system }}-' || cast(comments.ticket_id as varchar) as conversation_id,
        '{{ system }}' as source_system,
        '{{ system }}-' || cast(comments.author_id as varchar) as author_id,
        case
            when comments.is_bot_channel or coalesce(user_roles.is_bot, false) then 'bot'
            when user_roles.role in ('agent', 'admin') then 'agent'
            else 'customer'
        end as author_type,
        comments.is_public,
        comments.created_at
    from {{ system }}_comments as comments
    left join user_roles
        on '{{ system }}-' || cast(comments.author_id as varchar) = user_roles.user_id
        and comments.created_at >= user_roles.valid_from
        and comments.created_at < user_roles.valid_to
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_messages as (
    -- exports name the author's role on each message; a system notice is kept as a bot's non-public message
    select
        '{{ system }}-' || message_id as message_id,
        '{{ system }}-' || conversation_id as conversation_id,
        '{{ system }}' as source_system,
        '{{ system }}-' || helpdesk || ':' || author_key as author_id,
        case author_role when 'customer' then 'customer' when 'agent' then 'agent' else 'bot' end as author_type,
        is_public,
        created_at
    from {{ ref('stg_' ~ system ~ '__messages') }}
    where {{ only_changed_in_source('conversation_id', system, 'int_conversations_changed', 'conversation_id', 'varchar') }}
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_messages') }}
)

-- only what belongs to a conversation that exists (not to a deleted ticket); in an incremental build, only the
-- changed conversations (macro only_changed, docs block `incremental_builds`)
select * from unioned
where conversation_id in (select conversation_id from conversations)
    and {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
