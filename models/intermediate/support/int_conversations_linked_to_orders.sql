{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- The order each conversation is about (docs block `conversation_order_link`): the order whose number the
    conversation names (field, tag or text; the conversation's platform first when numbers repeat across
    platforms); otherwise the requester's latest order placed before the conversation, within
    var('order_link_lookback_days') days, matched by e-mail (marketplace relay addresses included).
    Incremental: an incremental build links the conversations in int_conversations_changed, which include those of
    a requester or an order number whose orders changed (docs block `incremental_builds`). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

order_numbers_found as (
    select * from {{ ref('int_conversation_order_numbers_found') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

users as (
    select * from {{ ref('int_helpdesk_users_unioned') }}
),

by_number as (
    select
        order_numbers_found.conversation_id,
        orders.order_id,
        'order_number_' || order_numbers_found.order_number_source as order_link_method
    from order_numbers_found
    inner join conversations
        on order_numbers_found.conversation_id = conversations.conversation_id
    inner join orders
        on order_numbers_found.order_number = orders.order_number
    qualify row_number() over (
        partition by order_numbers_found.conversation_id
        order by case when orders.platform = conversations.platform then 0 else 1 end, orders.ordered_at desc
    ) = 1
),

by_email as (
    select
        conversations.conversation_id,
        orders.order_id,
        'customer_email' as order_link_method
    from conversations
    inner join users
        on conversations.requester_id = users.user_id
    inner join orders
        on users.email = orders.customer_email
        and orders.ordered_at <= conversations.created_at
        and orders.ordered_at > {{ dbt.dateadd('day', -1 * var('order_link_lookback_days'), 'conversations.created_at') }}
    where users.email is not null
    qualify row_number() over (partition by conversations.conversation_id order by orders.ordered_at desc) = 1
),

final as (
    select
        conversations.conversation_id,
        coalesce(by_number.order_id, by_email.order_id) as order_id,
        coalesce(by_number.order_link_method, by_email.order_link_method) as order_link_method,
        users.email as requester_email
    from conversations
    left join users
        on conversations.requester_id = users.user_id
    left join by_number
        on conversations.conversation_id = by_number.conversation_id
    left join by_email
        on conversations.conversation_id = by_email.conversation_id
)

select * from final
