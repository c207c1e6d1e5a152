{{ config(materialized='table') }}
{#- The conversations an incremental build of the conversation models (int_messages_classified and the others up
    to int_support_waits) rebuilds: every conversation a lake load after the last complete build touched (docs
    block `incremental_builds`). Empty in a full build, which rebuilds everything. The models measured to the
    data's latest event rebuild int_conversations_remeasured, these and the conversations with a wait open.

    - the ticket, a comment, an audit (status change) or a CSAT rating of it landed since;
    - a user landed since who asked it or wrote in it (their e-mail links orders, their role at the time
      classifies messages);
    - for `files`: every conversation or message in a file read since (all versions of the file);
    - an order landed since (int_orders_changed) whose customer e-mail is the requester's or whose number the
      conversation names (the order link may move);
    - it was in the last build and no longer exists (a deleted ticket).
    Without a recorded complete build (dbt run by hand on a warehouse built before) it lists every conversation. -#}
{%- set since = changed_since_load_id() %}
{%- set previous_conversations = previous_build_of('fct_conversations') %}
{%- set previous_orders = previous_build_of('fct_orders') %}
{%- set previous_numbers = previous_build_of('int_conversation_order_numbers_found') %}

{#- (dbt parses this model with nothing executed: the incremental branch, so it sees every ref and source) #}
{%- if not execute or (previous_conversations is not none and not (since is none or previous_orders is none or previous_numbers is none) and not flags.FULL_REFRESH) %}

with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

users as (
    select * from {{ ref('int_helpdesk_users_unioned') }}
),

orders_changed as (
    select order_id from {{ ref('int_orders_changed') }}
),

-- e-mail and number of each changed order, now and at the last build
changed_order_keys as (
    select customer_email, platform, order_number
    from {{ ref('int_orders_unioned') }}
    where order_id in (select order_id from orders_changed)
    union
    select customer_email, platform, order_number
    from {{ previous_orders }}
    where order_id in (select order_id from orders_changed)
),

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_users_changed as (
    select id as user_id
    from {{ source(system, 'users') }}
    where _load_id > '{{ since }}'
),

{{ system }}_touched as (
    {#- stream, its ticket id column, and the user whose change touches the ticket #}
    {%- for stream, ticket_column, user_column in [
        ('tickets', 'id', 'requester_id'),
        ('ticket_comments', 'ticket_id', 'author_id'),
        ('ticket_audits', 'ticket_id', 'author_id'),
        ('satisfaction_ratings', 'ticket_id', none),
    ] %}
    select {{ ticket_column }} as ticket_id
    from {{ source(system, stream) }}
    where _load_id > '{{ since }}'
        {%- if user_column %}
        or {{ user_column }} in (select user_id from {{ system }}_users_changed)
        {%- endif %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{{ system }}_conversations_touched as (
    select '{{ system }}-' || cast(ticket_id as varchar) as conversation_id
    from {{ system }}_touched
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_files_read_since as (
    select distinct _file
    from {{ source(system, '_files') }}
    where _load_id > '{{ since }}'
),

{{ system }}_conversations_touched as (
    select '{{ system }}-' || lower(helpdesk) || ':' || conversation_id as conversation_id
    from {{ source(system, 'conversations') }}
    where _file in (select _file from {{ system }}_files_read_since)
    union all
    select '{{ system }}-' || lower(helpdesk) || ':' || conversation_id
    from {{ source(system, 'messages') }}
    where _file in (select _file from {{ system }}_files_read_since)
),
{% endfor %}

loaded as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_conversations_touched') }}
),

by_order_email as (
    select conversations.conversation_id
    from conversations
    inner join users
        on conversations.requester_id = users.user_id
    where users.email in (select customer_email from changed_order_keys)
),

by_order_number as (
    -- the numbers found at the last build: a conversation whose text changed since is in `loaded` anyway
    select conversation_id
    from {{ previous_numbers }}
    where order_number in (select order_number from changed_order_keys)
),

gone as (
    select conversation_id
    from {{ previous_conversations }}
    where conversation_id not in (select conversation_id from conversations)
)

select conversation_id from loaded
union
select conversation_id from by_order_email
union
select conversation_id from by_order_number
union
select conversation_id from gone

{%- elif previous_conversations is none or flags.FULL_REFRESH %}

{{ empty_relation_from_contract() }}

{%- else %}

select conversation_id from {{ ref('int_conversations_unioned') }}
union
select conversation_id from {{ previous_conversations }}

{%- endif %}
