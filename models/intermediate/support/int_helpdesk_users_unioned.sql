{#- Every helpdesk user (customers, agents, admins, bots) from every helpdesk source, with ids prefixed by source. -#}
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

unioned as (
    {{ union_branches(sources_shaped_like('zendesk'), '_canonical') }}
)

select * from unioned
