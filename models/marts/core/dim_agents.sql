{#- Everyone who answers customers: human agents (with team and time zone) and bots. Who is an agent is decided
    per message (int_messages_classified), so anyone who ever replied as an agent is here, including agents who
    have since been deactivated or downgraded; plus every user whose role is agent or admin today. -#}
with

users as (
    select * from {{ ref('int_helpdesk_users_unioned') }}
),

messages as (
    select * from {{ ref('int_messages_classified') }}
),

message_authors as (
    select
        author_id,
        min(case when is_public then created_at end) as first_reply_at,
        max(case when is_public then created_at end) as last_reply_at,
        bool_or(author_type = 'bot') as has_bot_messages
    from messages
    where author_type in ('agent', 'bot')
    group by 1
),

agents as (
    select
        users.user_id as agent_id,
        users.source_system,
        users.source_user_id,
        users.user_name as agent_name,
        users.email,
        users.role,
        users.is_bot or coalesce(message_authors.has_bot_messages, false) as is_bot,
        users.is_active,
        case when not users.is_active then users.updated_at end as deactivated_at,
        users.group_id,
        users.group_name as team_name,
        users.time_zone,
        users.created_at,
        message_authors.first_reply_at,
        message_authors.last_reply_at
    from users
    left join message_authors
        on users.user_id = message_authors.author_id
    where users.role in ('agent', 'admin')
        or users.is_bot
        or message_authors.author_id is not null
),

final as (
    select
        agent_id,
        source_system,
        source_user_id,
        agent_name,
        email,
        role,
        is_bot,
        is_active,
        deactivated_at,
        case when is_bot then null else group_id end as group_id,
        case when is_bot then 'Bot' else team_name end as team_name,
        time_zone,
        created_at,
        first_reply_at,
        last_reply_at
    from agents
)

select * from final
