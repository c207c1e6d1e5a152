{#- The union of one CTE per enabled source (`<system><suffix>`), matched by column name. With no source
    enabled for the entity, an empty relation with the model's contract columns and types, so every model
    downstream still builds (a shop without a helpdesk, say, still gets its order and review marts). -#}
{% macro union_branches(systems, suffix) -%}
    {%- if systems | length == 0 -%}
    {{ empty_relation_from_contract() }}
    {%- else -%}
    {%- for system in systems %}
    select * from {{ system }}{{ suffix }}
    {%- if not loop.last %}
    union all by name
    {%- endif %}
    {%- endfor %}
    {%- endif -%}
{%- endmacro %}

{#- No rows, with the calling model's contract columns and types (its `data_type`s in the yml). -#}
{% macro empty_relation_from_contract() -%}
    select
        {%- for column in model.columns.values() %}
        cast(null as {{ column.data_type }}) as {{ column.name }}{{ ',' if not loop.last }}
        {%- endfor %}
    where false
{%- endmacro %}
