{#- dbt's accepted_values test; after an incremental build of the model, only the rows the build wrote (macro
    rows_written_incrementally): the rows kept passed the same test when they were written. -#}
{% macro duckdb__test_accepted_values(model, column_name, values, quote=True) %}
{%- set written = rows_written_incrementally(model) %}

with all_values as (
    select
        {{ column_name }} as value_field,
        count(*) as n_records
    from {{ model }}
    {%- if written is not none %}
    where {{ written }}
    {%- endif %}
    group by {{ column_name }}
)

select *
from all_values
where value_field not in (
    {%- for value in values %}
    {% if quote %}'{{ value }}'{% else %}{{ value }}{% endif %}{% if not loop.last %},{% endif %}
    {%- endfor %}
)

{% endmacro %}
