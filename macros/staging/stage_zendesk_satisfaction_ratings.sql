{#- Staging of a Zendesk-shaped `satisfaction_ratings` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_satisfaction_ratings(source_name) -%}
{{ staged_incrementally(source_name, 'satisfaction_ratings', 'id', 'satisfaction_rating_id') }}
with

source as (
    {{ latest_version(source(source_name, 'satisfaction_ratings'), 'id') }}
),

renamed as (
    select
        id as satisfaction_rating_id,
        ticket_id,
        assignee_id,
        group_id,
        requester_id,
        score,
        score in ('good', 'bad') as is_rated,
        comment,
        reason,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
