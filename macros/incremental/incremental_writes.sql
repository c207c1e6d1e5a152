{#- Which models this dbt invocation built incrementally, so their tests can look at the rows the build wrote
    instead of the whole table (macro rows_written_incrementally), and whether that is sound: only when the
    previous build of the warehouse was a whole `dbt build` (no selection) in which every node succeeded, so every
    row it kept passed its tests. After a failed, killed or partial build, or a `dbt run`, the next build tests
    every row.
    - `pipeline_state.incremental_writes`: one row per model this invocation wrote incrementally;
    - `pipeline_state.last_build`: the last invocation, and whether it finished as a whole, successful build;
    - `pipeline_state.test_scope`: for this invocation, whether tests may look at the rows written only. -#}
{% macro start_incremental_writes() -%}
    create schema if not exists pipeline_state;
    create table if not exists pipeline_state.incremental_writes (model varchar, invocation_id varchar);
    delete from pipeline_state.incremental_writes where invocation_id <> '{{ invocation_id }}';
    create table if not exists pipeline_state.last_build (invocation_id varchar, succeeded boolean);
    create or replace table pipeline_state.test_scope as
        select
            '{{ invocation_id }}' as invocation_id,
            coalesce((select bool_and(succeeded) from pipeline_state.last_build), false) as rows_written_only;
    delete from pipeline_state.last_build;
    insert into pipeline_state.last_build values ('{{ invocation_id }}', false)
{%- endmacro %}

{#- on-run-end hook: marks this invocation a whole, successful build (every model, seed and test succeeded or
    passed, nothing selected or excluded but the unit tests), so the next build may test the rows it writes only. -#}
{% macro finish_incremental_writes(results) -%}
    {%- set whole = invocation_args_dict.get('which') == 'build'
        and not invocation_args_dict.get('select')
        and not invocation_args_dict.get('exclude')
        and not invocation_args_dict.get('selector') -%}
    {%- set failed = results | rejectattr('status', 'in', ['success', 'pass']) | list -%}
    {%- if whole and results | length > 0 and failed | length == 0 -%}
        update pipeline_state.last_build set succeeded = true where invocation_id = '{{ invocation_id }}'
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a model kept incrementally by key: in an incremental build, records that this invocation wrote
    the model incrementally (only the keys of its changed-keys model). -#}
{% macro record_incremental_write() -%}
    {%- if is_incremental() -%}
        insert into pipeline_state.incremental_writes values ('{{ this }}', '{{ invocation_id }}')
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- For a data test of `relation`: when this invocation built that model incrementally by key (incremental_by_key
    and record_incremental_write) and the previous build was whole and successful (test_scope), the condition
    selecting the rows it wrote (`<key> in (<changed keys>)`); otherwise none (a full build, a model not kept by
    key, a filtered test relation, a first build after a failed one): test the whole table. The rows it did not
    write are those that passed the same tests in the build that wrote them. -#}
{% macro rows_written_incrementally(relation) -%}
    {%- if not execute or relation is string -%}{{ return(none) }}{%- endif -%}
    {%- set nodes = graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | selectattr('schema', 'equalto', relation.schema)
        | selectattr('alias', 'equalto', relation.identifier)
        | list -%}
    {%- if nodes | length != 1 -%}{{ return(none) }}{%- endif -%}
    {%- set key = nodes[0].config.meta.get('incremental_key') -%}
    {%- set changed_model = nodes[0].config.meta.get('changed_keys_model') -%}
    {%- if not key or not changed_model -%}{{ return(none) }}{%- endif -%}
    {#- (not there when dbt compiles or documents a warehouse that no build of this project has run on) #}
    {%- set writes = adapter.get_relation(database=target.database, schema='pipeline_state', identifier='incremental_writes') -%}
    {%- set scope = adapter.get_relation(database=target.database, schema='pipeline_state', identifier='test_scope') -%}
    {%- if writes is none or scope is none -%}{{ return(none) }}{%- endif -%}
    {%- set written = run_query(
        "select 1 from " ~ writes ~ " as writes inner join " ~ scope ~ " as scope"
        ~ " on writes.invocation_id = scope.invocation_id and scope.rows_written_only"
        ~ " where writes.model = '" ~ relation ~ "' and writes.invocation_id = '" ~ invocation_id ~ "'"
    ) -%}
    {%- if written.rows | length == 0 -%}{{ return(none) }}{%- endif -%}
    {%- set changed = graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | selectattr('name', 'equalto', changed_model)
        | first -%}
    {%- set changed_relation = adapter.get_relation(database=changed.database, schema=changed.schema, identifier=changed.alias) -%}
    {{ return(key ~ ' in (select ' ~ key ~ ' from ' ~ changed_relation ~ ')') }}
{%- endmacro %}
