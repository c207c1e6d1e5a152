{#- Staging of a Zendesk-shaped `users` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_users(source_name) -%}
{{ staged_incrementally(source_name, 'users', 'id', 'user_id') }}
with

source as (
    {{ latest_version(source(source_name, 'users'), 'id', 'updated_at') }}
),

renamed as (
    select
        id as user_id,
        name as user_name,
        email,
        role,
        active as is_active,
        coalesce(
            cast(user_fields ->> 'is_bot' as boolean),
            list_contains(cast(tags as varchar[]), 'bot'),
            false
        ) as is_bot,
        locale,
        lower(split_part(replace(locale, '_', '-'), '-', 1)) as language_code,
        iana_time_zone as time_zone,
        default_group_id,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
