{#- Whole seconds from 1970-01-01 00:00 UTC to the UTC timestamp `at` (cross-database, via seconds_between). -#}
{% macro epoch_seconds(at) -%}
    {{ seconds_between("cast('1970-01-01' as timestamp)", at) }}
{%- endmacro %}
