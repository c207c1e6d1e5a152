{{ incremental_by_key('customer_key', 'int_customers_changed') }}
{#- Customers across the helpdesk and the stores, one row per person: the same e-mail in a helpdesk and on an
    order is one customer (macro customer_key). Marketplace buyers carry relay addresses, the same on the order
    and in the helpdesk.
    Incremental: an incremental build rebuilds the customers in int_customers_changed (docs block
    `incremental_builds`), from all their orders and conversations. -#}
with

orders as (
    select * from {{ ref('int_orders_unioned') }}
    where {{ only_changed(customer_key('customer_email', 'customer_id'), 'int_customers_changed', 'customer_key') }}
),

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

users as (
    select * from {{ ref('int_helpdesk_users_unioned') }}
    where {{ only_changed(customer_key('email', 'user_id'), 'int_customers_changed', 'customer_key') }}
),

order_customers as (
    select
        {{ customer_key('customer_email', 'customer_id') }} as customer_key,
        min(customer_email) as email,
        min(customer_id) as shop_customer_id,
        arg_max(market_code, ordered_at) as latest_order_market_code,
        min(ordered_at) as first_order_at,
        max(ordered_at) as last_order_at,
        count(*) as orders
    from orders
    group by 1
),

contact_customers as (
    select
        {{ customer_key('users.email', 'users.user_id') }} as customer_key,
        min(users.email) as email,
        min(users.user_id) as helpdesk_user_id,
        min(users.user_name) as customer_name,
        min(users.language_code) as language_code,
        arg_max(conversations.market_code, conversations.created_at) as latest_contact_market_code,
        min(conversations.created_at) as first_contact_at,
        max(conversations.created_at) as last_contact_at,
        -- one row per conversation: conversation_id and user_id are unique (tested), so no distinct count is needed
        count(*) as conversations
    from conversations
    inner join users
        on conversations.requester_id = users.user_id
    group by 1
),

final as (
    select
        coalesce(order_customers.customer_key, contact_customers.customer_key) as customer_key,
        coalesce(order_customers.email, contact_customers.email) as email,
        contact_customers.customer_name,
        order_customers.shop_customer_id,
        contact_customers.helpdesk_user_id,
        coalesce(order_customers.latest_order_market_code, contact_customers.latest_contact_market_code)
            as market_code,
        contact_customers.language_code,
        order_customers.first_order_at,
        order_customers.last_order_at,
        coalesce(order_customers.orders, 0) as orders,
        contact_customers.first_contact_at,
        contact_customers.last_contact_at,
        coalesce(contact_customers.conversations, 0) as conversations,
        contact_customers.customer_key is not null as has_contacted_support
    from order_customers
    full outer join contact_customers
        on order_customers.customer_key = contact_customers.customer_key
)

select * from final
