{#- Use the folder's schema name as written (staging, intermediate, core, marts, seeds) rather than dbt's default
    "<target schema>_<custom schema>", so BI users and SQL explorers see short, stable schema names. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
