{#- Every helpdesk user (customers, agents, admins, bots) from every helpdesk source, with ids prefixed by source.
    Helpdesk exports carry no user list: their users are gathered from conversations and messages
    (stg_files__helpdesk_users). -#}
with

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_users as (
    select * from {{ ref('stg_' ~ system ~ '__users') }}
),

{{ system }}_groups as (
    select * from {{ ref('stg_' ~ system ~ '__groups') }}
),

{{ system }}_canonical as (
    select
        '{{ system }}-' || cast(users.user_id as varchar) as user_id,
        '{{ system }}' as source_system,
        cast(users.user_id as varchar) as source_user_id,
        users.user_name,
        lower(trim(users.email)) as email,
        users.role,
        users.is_active,
        users.is_bot,
        users.language_code,
        users.time_zone,
        '{{ system }}-' || cast(users.default_group_id as varchar) as group_id,
        groups.group_name,
        users.created_at,
        users.updated_at
    from {{ system }}_users as users
    left join {{ system }}_groups as groups
        on users.default_group_id = groups.group_id
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_exported_users as (
    select * from {{ ref('stg_' ~ system ~ '__helpdesk_users') }}
),

{{ system }}_canonical as (
    select
        '{{ system }}-' || user_id as user_id,
        '{{ system }}' as source_system,
        user_id as source_user_id,
        user_name,
        email,
        role,
        true as is_active,
        is_bot,
        language_code,
        cast(null as varchar) as time_zone,
        cast(null as varchar) as group_id,
        cast(null as varchar) as group_name,
        first_seen_at as created_at,
        last_seen_at as updated_at
    from {{ system }}_exported_users
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_canonical') }}
)

select * from unioned
