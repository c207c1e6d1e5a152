{#- The role of every helpdesk user over time, from every helpdesk source: one row per user and period in which
    a version of the user was current. The first known version also covers everything before it (the lake
    cannot know older roles), the last one everything after. -#}
with

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_versions as (
    select * from {{ ref('stg_' ~ system ~ '__user_versions') }}
),

{{ system }}_periods as (
    select
        '{{ system }}-' || cast(user_id as varchar) as user_id,
        role,
        is_active,
        is_bot,
        case
            when row_number() over (partition by user_id order by updated_at) = 1 then cast('-infinity' as timestamp)
            else updated_at
        end as valid_from,
        coalesce(
            lead(updated_at) over (partition by user_id order by updated_at),
            cast('infinity' as timestamp)
        ) as valid_to
    from {{ system }}_versions
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_periods as (
    -- an export has no role history: one period for all time
    select
        '{{ system }}-' || user_id as user_id,
        role,
        true as is_active,
        is_bot,
        cast('-infinity' as timestamp) as valid_from,
        cast('infinity' as timestamp) as valid_to
    from {{ ref('stg_' ~ system ~ '__helpdesk_users') }}
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_periods') }}
)

select * from unioned
