{#- Left join to the row of `relation` whose range contains `at`: the row with the same key whose `from_column`
    is the greatest value not after `at` (the as-of row). The ranges of one key must not overlap;
    `until_column` is where the next row starts (null on the last row), used only where the engine has no
    as-of join.

    DuckDB has an ASOF join: a sort-merge of both sides, O((n + m) log m), so 10 million probes against a few
    thousand ranges take seconds. The portable fallback is a range join (equality plus two inequalities), which
    most engines run as a hash join on the key and a filter: correct, but n x m comparisons per key. On an
    engine with its own as-of syntax (Snowflake's `asof join ... match_condition`), add `<adapter>__asof_left_join`. -#}
{% macro asof_left_join(relation, key, relation_key, at, from_column, until_column) -%}
    {{ return(adapter.dispatch('asof_left_join', 'cs_warehouse')(relation, key, relation_key, at, from_column, until_column)) }}
{%- endmacro %}

{% macro default__asof_left_join(relation, key, relation_key, at, from_column, until_column) -%}
    left join {{ relation }}
        on {{ relation_key }} = {{ key }}
        and {{ from_column }} <= {{ at }}
        and ({{ until_column }} is null or {{ at }} < {{ until_column }})
{%- endmacro %}

{% macro duckdb__asof_left_join(relation, key, relation_key, at, from_column, until_column) -%}
    asof left join {{ relation }}
        on {{ relation_key }} = {{ key }}
        and {{ from_column }} <= {{ at }}
{%- endmacro %}
