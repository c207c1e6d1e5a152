{#- Whole seconds from start to end (null when either is null); negative when end is before start. -#}
{% macro seconds_between(start, end) -%}
    {{ dbt.datediff(start, end, 'second') }}
{%- endmacro %}
