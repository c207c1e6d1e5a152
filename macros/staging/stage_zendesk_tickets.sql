{#- Staging of a Zendesk-shaped `tickets` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_tickets(source_name) -%}
{{ staged_incrementally(source_name, 'tickets', 'id', 'ticket_id') }}
with

source as (
    {{ latest_version(source(source_name, 'tickets'), 'id') }}
),

renamed as (
    select
        id as ticket_id,
        '{{ source_name }}' as source_system,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        subject,
        description,
        status,
        priority,
        type as ticket_type,
        via ->> 'channel' as via_channel,
        {{ channel_category("via ->> 'channel'") }} as channel,
        requester_id,
        submitter_id,
        assignee_id,
        group_id,
        cast(tags as varchar[]) as tags,
        upper({{ zendesk_custom_field('custom_fields', var('zendesk_market_field_id')) }}) as market_code,
        {{ platform_code(zendesk_custom_field('custom_fields', var('zendesk_platform_field_id'))) }} as platform,
        {{ zendesk_custom_field('custom_fields', var('zendesk_order_number_field_id')) }} as order_number,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
