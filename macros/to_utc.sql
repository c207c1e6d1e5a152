{#- An ISO 8601 text timestamp with a UTC offset or 'Z' as a UTC timestamp (without zone). A plain cast to
    timestamp would drop the offset, so the value goes through timestamptz first. -#}
{% macro to_utc(column) -%}
    cast(cast({{ column }} as timestamptz) at time zone 'UTC' as timestamp)
{%- endmacro %}
