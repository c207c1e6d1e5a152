{#- Staging of a Zendesk-shaped `groups` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_groups(source_name) -%}
{{ staged_incrementally(source_name, 'groups', 'id', 'group_id') }}
with

source as (
    {{ latest_version(source(source_name, 'groups'), 'id') }}
),

renamed as (
    select
        id as group_id,
        name as group_name,
        description,
        deleted as is_deleted,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
