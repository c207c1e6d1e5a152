{#- Customers to contact first, as of the data's latest time (docs block `at_risk_rule`). One row per customer
    with at least one risk signal, with the signals, the evidence and a priority score (higher first). -#}
with

conversations as (
    select * from {{ ref('fct_conversations') }}
),

response_events as (
    select * from {{ ref('fct_response_events') }}
),

orders as (
    select * from {{ ref('fct_orders') }}
),

customers as (
    select * from {{ ref('dim_customers') }}
),

as_of as (
    select max(updated_at) as as_of_at from conversations
),

conversation_signals as (
    select
        conversations.customer_key,
        count(case when conversations.is_awaiting_reply then 1 end) as conversations_awaiting_reply,
        count(case when not conversations.is_solved then 1 end) as conversations_unresolved,
        count(
            case
                when conversations.is_csat_rated and not conversations.is_csat_satisfied
                    and conversations.final_solved_at
                        >= {{ dbt.dateadd('day', -1 * var('at_risk_lookback_days'), 'as_of.as_of_at') }}
                    then 1
            end
        ) as recent_bad_csat,
        max(conversations.created_at) as last_contact_at,
        count(
            case
                when conversations.created_at
                    >= {{ dbt.dateadd('day', -1 * var('at_risk_lookback_days'), 'as_of.as_of_at') }}
                    then 1
            end
        ) as recent_conversations
    from conversations
    cross join as_of
    group by 1
),

awaiting_waits as (
    select
        conversations.customer_key,
        min(response_events.started_at) as oldest_awaiting_since
    from response_events
    inner join conversations
        on response_events.conversation_id = conversations.conversation_id
    where response_events.response_status = 'awaiting'
    group by 1
),

late_orders as (
    select
        orders.customer_key,
        orders.order_id,
        orders.ordered_at,
        orders.promised_delivery_at
    from orders
    cross join as_of
    where orders.ordered_at >= {{ dbt.dateadd('day', -1 * var('at_risk_lookback_days'), 'as_of.as_of_at') }}
        and (
            orders.is_late
            or (orders.delivery_status = 'in_transit' and orders.promised_delivery_at < as_of.as_of_at)
        )
),

late_orders_without_contact as (
    select
        late_orders.customer_key,
        count(*) as late_orders_without_contact
    from late_orders
    left join conversation_signals
        on late_orders.customer_key = conversation_signals.customer_key
        and conversation_signals.last_contact_at >= late_orders.ordered_at
    where conversation_signals.customer_key is null
    group by 1
),

signals as (
    select
        coalesce(conversation_signals.customer_key, late_orders_without_contact.customer_key) as customer_key,
        coalesce(conversation_signals.conversations_awaiting_reply, 0) as conversations_awaiting_reply,
        coalesce(conversation_signals.conversations_unresolved, 0) as conversations_unresolved,
        coalesce(conversation_signals.recent_bad_csat, 0) as recent_bad_csat,
        coalesce(late_orders_without_contact.late_orders_without_contact, 0) as late_orders_without_contact,
        coalesce(conversation_signals.recent_conversations, 0) as recent_conversations,
        awaiting_waits.oldest_awaiting_since
    from conversation_signals
    full outer join late_orders_without_contact
        on conversation_signals.customer_key = late_orders_without_contact.customer_key
    left join awaiting_waits
        on coalesce(conversation_signals.customer_key, late_orders_without_contact.customer_key)
            = awaiting_waits.customer_key
),

scored as (
    select
        signals.*,
        as_of.as_of_at,
        {{ seconds_between('signals.oldest_awaiting_since', 'as_of.as_of_at') }} / 3600.0 as hours_awaiting_reply,
        30 * cast(signals.conversations_awaiting_reply > 0 as integer)
            + 20 * cast(signals.conversations_unresolved > 0 as integer)
            + 25 * cast(signals.recent_bad_csat > 0 as integer)
            + 25 * cast(signals.late_orders_without_contact > 0 as integer)
            + 10 * cast(signals.recent_conversations >= 2 as integer)
            + least(coalesce({{ seconds_between('signals.oldest_awaiting_since', 'as_of.as_of_at') }}, 0) / 3600.0, 72)
                / 72.0 * 20 as priority_score
    from signals
    cross join as_of
    where signals.conversations_awaiting_reply > 0
        or signals.conversations_unresolved > 0
        or signals.recent_bad_csat > 0
        or signals.late_orders_without_contact > 0
),

final as (
    select
        scored.customer_key,
        customers.email,
        customers.customer_name,
        customers.market_code,
        customers.language_code,
        scored.as_of_at,
        scored.conversations_awaiting_reply > 0 as is_awaiting_reply,
        scored.conversations_unresolved > 0 as has_unresolved_conversation,
        scored.recent_bad_csat > 0 as has_recent_bad_csat,
        scored.late_orders_without_contact > 0 as has_late_order_without_contact,
        scored.conversations_awaiting_reply,
        scored.conversations_unresolved,
        scored.recent_bad_csat,
        scored.late_orders_without_contact,
        scored.recent_conversations,
        scored.hours_awaiting_reply,
        round(scored.priority_score, 1) as priority_score,
        row_number() over (order by scored.priority_score desc, scored.customer_key) as priority_rank
    from scored
    left join customers
        on scored.customer_key = customers.customer_key
)

select * from final
