{#- The role of every helpdesk user over time, from every helpdesk source: one row per user and period in which
    a version of the user was current. The first known version also covers everything before it (the lake
    cannot know older roles), the last one everything after. -#}
with

demo_versions as (
    select * from {{ ref('stg_demo__user_versions') }}
),

unioned as (
    select
        'demo-' || cast(user_id as varchar) as user_id,
        role,
        is_active,
        is_bot,
        updated_at
    from demo_versions
),

periods as (
    select
        user_id,
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
    from unioned
)

select * from periods
