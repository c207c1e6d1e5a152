{#- Every helpdesk user (customers, agents, admins, bots) from every helpdesk source, with ids prefixed by source. -#}
with

demo_users as (
    select * from {{ ref('stg_demo__users') }}
),

demo_groups as (
    select * from {{ ref('stg_demo__groups') }}
),

demo as (
    select
        'demo-' || cast(demo_users.user_id as varchar) as user_id,
        'demo' as source_system,
        demo_users.user_id as source_user_id,
        demo_users.user_name,
        lower(trim(demo_users.email)) as email,
        demo_users.role,
        demo_users.is_active,
        demo_users.is_bot,
        demo_users.language_code,
        demo_users.time_zone,
        'demo-' || cast(demo_users.default_group_id as varchar) as group_id,
        demo_groups.group_name,
        demo_users.created_at,
        demo_users.updated_at
    from demo_users
    left join demo_groups
        on demo_users.default_group_id = demo_groups.group_id
),

unioned as (
    select * from demo
)

select * from unioned
