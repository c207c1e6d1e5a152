{{ config(materialized='table') }}
{#- The conversations an incremental build of the conversation models (int_messages_classified and the others up
    to int_support_waits) rebuilds: every conversation a lake load after the last complete build touched (docs
    block `incremental_builds`). Empty in a full build, which rebuilds everything. The models measured to the
    data's latest event rebuild int_conversations_remeasured, these and the conversations with a wait open.

    - the conversations whose records landed since (int_conversations_landed: the ticket, a comment, an audit or
      a CSAT rating of it, a user who asked it or wrote in it, a conversation or message in a file read since);
    - an order landed since (int_orders_changed) whose customer e-mail is the requester's or whose number the
      conversation names (the order link may move);
    - it was in the last build and no longer exists (a deleted ticket).
    Without a recorded complete build (dbt run by hand on a warehouse built before) it lists every conversation. -#}
{%- set previous_conversations = previous_build_of('fct_conversations') %}
{%- set previous_orders = previous_build_of('fct_orders') %}
{%- set previous_numbers = previous_build_of('int_conversation_order_numbers_found') %}

{%- set mode = changed_keys_mode([previous_conversations, previous_orders, previous_numbers]) %}

{%- if mode == 'incremental' %}

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

loaded as (
    select conversation_id from {{ ref('int_conversations_landed') }}
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

{%- elif mode == 'empty' %}

{{ empty_relation_from_contract() }}

{%- else %}

select conversation_id from {{ ref('int_conversations_unioned') }}
union
select conversation_id from {{ previous_conversations }}

{%- endif %}
