{#- Every version of every user the lake holds (one per distinct `updated_at`), for the role each user had
    when they wrote a message: the lake keeps each night's users, so an agent later downgraded to end user is
    still an agent in the versions before. -#}
{% macro stage_zendesk_user_versions(source_name) -%}
{{ staged_incrementally(source_name, 'users', 'id', 'user_id') }}
with

source as (
    select *
    from {{ source(source_name, 'users') }}
    {%- if is_incremental() %}
    -- an incremental build restages every version of each user landed since the last complete build
    where id in (select id from {{ source(source_name, 'users') }} where {{ landed_since_last_build() }})
    {%- endif %}
    qualify row_number() over (
        partition by id, updated_at
        order by _extracted_at desc, _load_id desc
    ) = 1
),

renamed as (
    select
        id as user_id,
        role,
        active as is_active,
        coalesce(
            cast(user_fields ->> 'is_bot' as boolean),
            list_contains(cast(tags as varchar[]), 'bot'),
            false
        ) as is_bot,
        {{ to_utc('updated_at') }} as updated_at
    from source
)

select * from renamed
{%- endmacro %}
