{#- The sources this warehouse reads: CSW_SOURCES (var `sources`), e.g. `demo` or `zendesk,shopify,files`.
    Staging models of the other sources are disabled (dbt_project.yml), and the intermediate models union only
    the enabled ones. -#}
{% macro enabled_sources() -%}
    {{ return(var('sources').replace(' ', '').lower().split(',') | reject('equalto', '') | list) }}
{%- endmacro %}
