{#- Staging of a Zendesk-shaped `ticket_status_changes` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_ticket_status_changes(source_name) -%}
{{ staged_incrementally(source_name, 'ticket_audits', 'id', 'audit_id') }}
with

source as (
    {{ latest_version(source(source_name, 'ticket_audits'), 'id') }}
),

events as (
    select
        id as audit_id,
        ticket_id,
        author_id,
        created_at,
        unnest(
            from_json(
                events,
                '[{"id": "BIGINT", "type": "VARCHAR", "field_name": "VARCHAR", "value": "VARCHAR", "previous_value": "VARCHAR"}]'
            )
        ) as event,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        event.id as status_change_id,
        audit_id,
        ticket_id,
        author_id,
        event.previous_value as previous_status,
        event.value as new_status,
        {{ to_utc('created_at') }} as changed_at,
        _load_id,
        _extracted_at
    from events
    where event.field_name = 'status'
        and event.type in ('Change', 'Create')
)

select * from renamed
{%- endmacro %}
