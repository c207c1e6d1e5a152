{#- The people and bots of helpdesk file exports, which carry no user list: one row per helpdesk and author key
    (e-mail, else name; see stg_files__messages), gathered from conversations' customers and assignees and from
    messages' authors. Role: `agent` when the key ever wrote as an agent, bot or system or was assigned a
    conversation, else `end-user`; `is_bot` when it wrote as a bot or system and never as an agent. A file export
    has no role history, so the role holds for all time. -#}
with

conversations as (
    select * from {{ ref('stg_files__conversations') }}
),

messages as (
    select * from {{ ref('stg_files__messages') }}
),

appearances as (
    select
        helpdesk,
        requester_key as user_key,
        customer_name as user_name,
        customer_email as email,
        'customer' as role_seen,
        language_code,
        created_at as seen_at
    from conversations
    union all
    select helpdesk, assignee_key, assignee_name, null, 'agent', null, created_at
    from conversations
    where assignee_key is not null
    union all
    select helpdesk, author_key, author_name, author_email, author_role, null, created_at
    from messages
),

users as (
    select
        helpdesk || ':' || user_key as user_id,
        helpdesk,
        user_key,
        coalesce(max(user_name), user_key) as user_name,
        max(email) as email,
        case when bool_or(role_seen in ('agent', 'bot', 'system')) then 'agent' else 'end-user' end as role,
        bool_or(role_seen in ('bot', 'system')) and not bool_or(role_seen = 'agent') as is_bot,
        max(language_code) as language_code,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at
    from appearances
    group by helpdesk, user_key
)

select * from users
