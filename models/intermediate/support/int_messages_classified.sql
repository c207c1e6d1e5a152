{{ config(materialized='table') }}
{#- Every message of every conversation with its author classified as customer, agent or bot, from every
    helpdesk source, by the role the author had when the message was written (int_helpdesk_user_roles), so an
    agent who has since left and been downgraded stays an agent in history. A message is a bot's when it came
    through the bot channel (Zendesk `answer_bot`) or its author was a bot user; otherwise an agent's when its
    author then had an agent or admin role; otherwise the customer's. -#}
with

demo_comments as (
    select * from {{ ref('stg_demo__ticket_comments') }}
),

user_roles as (
    select * from {{ ref('int_helpdesk_user_roles') }}
),

demo_messages as (
    select
        'demo-' || cast(demo_comments.comment_id as varchar) as message_id,
        'demo-' || cast(demo_comments.ticket_id as varchar) as conversation_id,
        'demo' as source_system,
        'demo-' || cast(demo_comments.author_id as varchar) as author_id,
        case
            when demo_comments.is_bot_channel or coalesce(user_roles.is_bot, false) then 'bot'
            when user_roles.role in ('agent', 'admin') then 'agent'
            else 'customer'
        end as author_type,
        demo_comments.is_public,
        demo_comments.created_at,
        demo_comments.body
    from demo_comments
    left join user_roles
        on 'demo-' || cast(demo_comments.author_id as varchar) = user_roles.user_id
        and demo_comments.created_at >= user_roles.valid_from
        and demo_comments.created_at < user_roles.valid_to
),

unioned as (
    select * from demo_messages
)

select * from unioned
