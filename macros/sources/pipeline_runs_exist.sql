{#- True when the run history folder (CSW_RUNS_DIR) holds at least one run record, so `source('pipeline', 'runs')`
    can be read (DuckDB's read_json fails on a pattern that matches no file: a fresh data folder, or dbt run by
    hand before any pipeline run). At parse time, true. -#}
{% macro pipeline_runs_exist() -%}
    {%- if not execute -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set pattern = env_var('CSW_RUNS_DIR', 'data/runs') ~ '/*.json' -%}
    {%- set found = run_query("select count(*) from glob(" ~ sql_string(pattern) ~ ")") -%}
    {{ return(found.columns[0].values()[0] > 0) }}
{%- endmacro %}
