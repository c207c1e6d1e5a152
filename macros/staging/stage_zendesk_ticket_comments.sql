{#- Staging of a Zendesk-shaped `ticket_comments` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_zendesk_ticket_comments(source_name) -%}
{{ staged_incrementally(source_name, 'ticket_comments', 'id', 'comment_id') }}
with

source as (
    {{ latest_version(source(source_name, 'ticket_comments'), 'id') }}
),

renamed as (
    select
        id as comment_id,
        ticket_id,
        author_id,
        body,
        public as is_public,
        via ->> 'channel' as via_channel,
        coalesce(via ->> 'channel' = 'answer_bot', false) as is_bot_channel,
        {{ to_utc('created_at') }} as created_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
