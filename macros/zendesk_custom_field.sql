{#- Value (as text) of one Zendesk ticket custom field, from the raw `custom_fields` JSON array of {id, value}. -#}
{% macro zendesk_custom_field(custom_fields, field_id) -%}
    nullif(
        list_filter(
            from_json({{ custom_fields }}, '[{"id": "BIGINT", "value": "VARCHAR"}]'),
            field -> field.id = {{ field_id }}
        )[1].value,
        ''
    )
{%- endmacro %}
