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
    passed, nothing selected or excluded but the unit tests, the seeds, the models tagged `built_from_seeds` and the
    tests of those alone, which an incremental night of `npm run transform` leaves out because they change only with
    the project: NIGHT_EXCLUSIONS in scripts/lib/steps/transform.ts; no resource type left out otherwise, not an
    `--empty` build), so the next build may test the rows it writes only. -#}
{% macro finish_incremental_writes(results) -%}
    {%- set exclude = invocation_args_dict.get('exclude') or [] -%}
    {%- set whole = invocation_args_dict.get('which') == 'build'
        and not invocation_args_dict.get('select')
        and (exclude | list == ['resource_type:seed', 'tag:built_from_seeds'] or not exclude)
        and not invocation_args_dict.get('selector')
        and not invocation_args_dict.get('resource_types')
        and (invocation_args_dict.get('exclude_resource_types') or []) | reject('in', ['unit_test', 'seed']) | list | length == 0
        and not invocation_args_dict.get('empty') -%}
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

{#- Pre-hook of a staging model kept incrementally (staged_incrementally): in an incremental build that restages only
    the records landed since the last complete build, records the write like record_incremental_write; nothing when
    it restages every row (no complete build recorded, or a snapshot stream replaced as a whole: restages_everything,
    the same condition its delete uses). -#}
{% macro record_restaged_write(source_name, stream) -%}
    {%- set since = changed_since_load_id() if is_incremental() else none -%}
    {%- if since is not none -%}
        insert into pipeline_state.incremental_writes
        select '{{ this }}', '{{ invocation_id }}'
        where not ({{ restages_everything(source(source_name, stream), since) }})
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- What this invocation rewrote of `relation`, when it built that model incrementally (record_incremental_write,
    record_restaged_write) and the previous build was whole and successful (test_scope): `{'key': <key column>,
    'keys': <query of the keys whose rows it deleted and wrote again>}` (the changed-keys model of a model kept by
    key; the keys of the records landed since the last complete build for a staging model). Every other row is as
    the previous build left it, and passed that build's tests. None otherwise (a full build, a model not kept
    incrementally, a filtered test relation, a first build after a failed one). -#}
{% macro incremental_rewrite(relation) -%}
    {#- (a full refresh writes nothing incrementally: no need to look) #}
    {%- if not execute or relation is string or flags.FULL_REFRESH -%}{{ return(none) }}{%- endif -%}
    {%- set nodes = graph.nodes.values()
        | selectattr('resource_type', 'equalto', 'model')
        | selectattr('schema', 'equalto', relation.schema)
        | selectattr('alias', 'equalto', relation.identifier)
        | list -%}
    {%- if nodes | length != 1 -%}{{ return(none) }}{%- endif -%}
    {%- set meta = nodes[0].config.meta -%}
    {%- set key = meta.get('incremental_key') -%}
    {%- if not key or not (meta.get('changed_keys_model') or meta.get('restaged_from')) -%}{{ return(none) }}{%- endif -%}
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
    {%- if meta.get('changed_keys_model') -%}
        {%- set changed = graph.nodes.values()
            | selectattr('resource_type', 'equalto', 'model')
            | selectattr('name', 'equalto', meta.get('changed_keys_model'))
            | first -%}
        {%- set changed_relation = adapter.get_relation(database=changed.database, schema=changed.schema, identifier=changed.alias) -%}
        {{ return({'key': key, 'keys': 'select ' ~ key ~ ' from ' ~ changed_relation}) }}
    {%- else -%}
        {%- set restaged = meta.get('restaged_from') -%}
        {%- set raw = graph.sources.values()
            | selectattr('source_name', 'equalto', restaged['source'])
            | selectattr('name', 'equalto', restaged['stream'])
            | first -%}
        {{ return({'key': key, 'keys': restaged_keys(raw.relation_name, restaged['raw_key'], changed_since_load_id())}) }}
    {%- endif -%}
{%- endmacro %}

{#- For a data test of `relation`: the condition selecting the rows this invocation wrote when it built the model
    incrementally (`<key> in (<keys rewritten>)`, incremental_rewrite), and every row without a key (no delete
    ever removes one, so it is tested every time); otherwise none: test the whole table. The other rows passed the
    same tests in the build that wrote them. -#}
{% macro rows_written_incrementally(relation) -%}
    {%- set rewrite = incremental_rewrite(relation) -%}
    {{ return(none if rewrite is none else '(' ~ rewrite['key'] ~ ' in (' ~ rewrite['keys'] ~ ') or ' ~ rewrite['key'] ~ ' is null)') }}
{%- endmacro %}
