{{ config(materialized='table') }}
{#- Every message of every conversation with its author classified as customer, agent or bot, from every
    helpdesk source. A message is a bot's when it came through the bot channel (Zendesk `answer_bot`) or its
    author is flagged as a bot; otherwise an agent's when its author has an agent or admin role; otherwise the
    customer's. -#}
with

demo_comments as (
    select * from {{ ref('stg_demo__ticket_comments') }}
),

demo_users as (
    select * from {{ ref('stg_demo__users') }}
),

demo_messages as (
    select
        'demo-' || cast(demo_comments.comment_id as varchar) as message_id,
        'demo-' || cast(demo_comments.ticket_id as varchar) as conversation_id,
        'demo' as source_system,
        'demo-' || cast(demo_comments.author_id as varchar) as author_id,
        case
            when demo_comments.is_bot_channel or coalesce(demo_users.is_bot, false) then 'bot'
            when demo_users.role in ('agent', 'admin') then 'agent'
            else 'customer'
        end as author_type,
        demo_comments.is_public,
        demo_comments.created_at,
        demo_comments.body
    from demo_comments
    left join demo_users
        on demo_comments.author_id = demo_users.user_id
),

unioned as (
    select * from demo_messages
)

select * from unioned
