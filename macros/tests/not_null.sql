{#- dbt's not_null test; after an incremental build of the model, only the rows the build wrote (macro
    rows_written_incrementally): the rows kept passed the same test when they were written. -#}
{% macro duckdb__test_not_null(model, column_name) %}
{%- set written = rows_written_incrementally(model) %}
{%- set column_list = '*' if should_store_failures() else column_name %}

select {{ column_list }}
from {{ model }}
where {{ column_name }} is null
{%- if written is not none %}
    and {{ written }}
{%- endif %}

{% endmacro %}
