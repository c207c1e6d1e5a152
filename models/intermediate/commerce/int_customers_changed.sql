{{ config(materialized='table') }}
{#- The customers an incremental build of dim_customers rebuilds (docs block `incremental_builds`). A customer's
    row sums up their orders and the conversations they asked, with the requester's user record; each of those,
    when it changes, lists its order in int_orders_changed or its conversation in int_conversations_changed (a
    user record lists the conversations the user asked). So the customers to rebuild are the keys (macro
    customer_key) those orders and conversations carry now, and those they carried at the last build (read from
    fct_orders and fct_conversations, which depend on this list so that they are rebuilt after it): a customer
    who lost an order to a changed e-mail, or a deleted ticket, is rebuilt too, or dropped when nothing is left.
    Empty in a full build. Without a recorded complete build (dbt run by hand on a warehouse built before) it lists
    every customer. -#}
{%- set previous_customers = previous_build_of('dim_customers') %}
{%- set previous_orders = previous_build_of('fct_orders') %}
{%- set previous_conversations = previous_build_of('fct_conversations') %}

{%- set mode = changed_keys_mode([previous_customers, previous_orders, previous_conversations]) %}

{%- if mode == 'empty' %}

{{ empty_relation_from_contract() }}

{%- else %}
{#- incremental: the keys of the changed orders and conversations, now and at the last build; every key otherwise
    (no watermark recorded): those of every order and conversation now, and every customer of the last build #}
{%- set incremental = mode == 'incremental' %}

with

requesters as (
    select
        conversations.conversation_id,
        users.user_id,
        users.email
    from {{ ref('int_conversations_unioned') }} as conversations
    inner join {{ ref('int_helpdesk_users_unioned') }} as users
        on conversations.requester_id = users.user_id
)

select {{ customer_key('customer_email', 'customer_id') }} as customer_key
from {{ ref('int_orders_unioned') }}
{%- if incremental %}
where order_id in (select order_id from {{ ref('int_orders_changed') }})
{%- endif %}
union
select {{ customer_key('email', 'user_id') }} as customer_key
from requesters
{%- if incremental %}
where conversation_id in (select conversation_id from {{ ref('int_conversations_changed') }})
union
select customer_key
from {{ previous_orders }}
where order_id in (select order_id from {{ ref('int_orders_changed') }})
union
select customer_key
from {{ previous_conversations }}
where conversation_id in (select conversation_id from {{ ref('int_conversations_changed') }})
{%- else %}
union
select customer_key from {{ previous_customers }}
{%- endif %}

{%- endif %}
