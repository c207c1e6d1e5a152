{#- dbt's unique test; after an incremental build of the model (kept by key, or a staging model kept
    incrementally), only the values of the rows the build wrote are checked, each against the whole table (macro
    rows_written_incrementally). A new duplicate needs a written row: the rows kept were unique when the build that
    wrote them was tested. Otherwise (a full build, a model rebuilt in full) the whole table, as dbt does. -#}
{% macro duckdb__test_unique(model, column_name) %}
{%- set written = rows_written_incrementally(model) %}

select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
{%- if written is not none %}
    and {{ column_name }} in (
        select {{ column_name }}
        from {{ model }}
        where {{ written }}
    )
{%- endif %}
group by {{ column_name }}
having count(*) > 1

{% endmacro %}
