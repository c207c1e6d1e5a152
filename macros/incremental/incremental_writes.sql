{#- Which models this dbt invocation built incrementally, so their tests can look at the rows the build wrote
    instead of the whole table (macro rows_written_incrementally). Table `pipeline_state.incremental_writes`,
    one row per model and invocation; each invocation starts by clearing the rows of earlier ones (on-run-start). -#}
{% macro start_incremental_writes() -%}
    create schema if not exists pipeline_state;
    create table if not exists pipeline_state.incremental_writes (model varchar, invocation_id varchar);
    delete from pipeline_state.incremental_writes where invocation_id <> '{{ invocation_id }}'
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
    and record_incremental_write), the condition selecting the rows it wrote (`<key> in (<changed keys>)`);
    otherwise none (a full build, a model not kept by key, a filtered test relation): test the whole table.
    The rows it did not write are those that passed the same tests in the build that wrote them. -#}
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
    {%- set record = adapter.get_relation(database=target.database, schema='pipeline_state', identifier='incremental_writes') -%}
    {%- if record is none -%}{{ return(none) }}{%- endif -%}
    {%- set written = run_query(
        "select 1 from " ~ record ~ " where model = '" ~ relation ~ "' and invocation_id = '" ~ invocation_id ~ "'"
    ) -%}
    {%- if written.rows | length == 0 -%}{{ return(none) }}{%- endif -%}
    {%- set changed = graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | selectattr('name', 'equalto', changed_model)
        | first -%}
    {%- set changed_relation = adapter.get_relation(database=changed.database, schema=changed.schema, identifier=changed.alias) -%}
    {{ return(key ~ ' in (select ' ~ key ~ ' from ' ~ changed_relation ~ ')') }}
{%- endmacro %}
