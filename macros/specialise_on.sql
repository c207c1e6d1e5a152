{#- `case <value> when '<c1>' then <expression for '<c1>'> ... else <expression for value> end`, the expression
    given as the caller block (`{% call(argument) specialise_on(value, constants) %}...{% endcall %}`).
    For a function DuckDB evaluates many times faster with a constant argument than with a column (a time-zone
    conversion, a regular expression: otherwise looked up or compiled again for every row): each known value gets
    its own branch with the constant written in; any other value takes the general form, so the result is the
    same whatever the list holds (an empty list gives the general form alone). -#}
{% macro specialise_on(value, constants) -%}
    {%- if constants | length == 0 -%}
        {{ caller(value) }}
    {%- else -%}
        case {{ value }}
        {%- for constant in constants %}
            when {{ sql_string(constant) }} then {{ caller(sql_string(constant)) }}
        {%- endfor %}
            else {{ caller(value) }}
        end
    {%- endif -%}
{%- endmacro %}

{#- A text value as an SQL string literal. -#}
{% macro sql_string(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}

{#- The distinct non-null values of a column of a seed, as loaded in the warehouse; none while dbt parses, in a unit
    test (no graph there), before the seed is loaded or when there is no such seed. For specialise_on: which values deserve a branch of their own. -#}
{% macro seed_values(seed_name, column) -%}
    {%- if not execute or 'nodes' not in graph -%}{{ return([]) }}{%- endif -%}
    {%- set nodes = graph.nodes.values() | selectattr('resource_type', 'equalto', 'seed') | selectattr('name', 'equalto', seed_name) | list -%}
    {%- if nodes | length == 0 -%}{{ return([]) }}{%- endif -%}
    {%- set relation = adapter.get_relation(database=nodes[0].database, schema=nodes[0].schema, identifier=nodes[0].alias) -%}
    {%- if relation is none -%}{{ return([]) }}{%- endif -%}
    {%- set result = run_query('select distinct ' ~ adapter.quote(column) ~ ' from ' ~ relation ~ ' where ' ~ adapter.quote(column) ~ ' is not null order by 1') -%}
    {{ return(result.columns[0].values() | list) }}
{%- endmacro %}
