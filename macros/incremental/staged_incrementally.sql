{#- The configuration of a staging model of a merge-shaped raw stream (Zendesk, Shopify and the demo, which lands
    their shapes), kept incrementally by the raw record's key: dbt's incremental materialisation, appending, with
    the pre-hooks delete_restaged and record_restaged_write, and in `meta` the key and where its rows come from
    (for the tests, incremental_rewrite). In an incremental build the model's query reads only the rows of the loads landed
    since the last complete build (`landed_since_last_build`, in latest_version), so a quiet night dedupes and
    unnests a night's records instead of the whole lake; a full build reads everything.
    `raw_key` is the record's key in the raw stream (an expression over its columns), `staged_key` the staging
    column holding the same value (several staged rows may share it, e.g. an order's lines). -#}
{% macro staged_incrementally(source_name, stream, raw_key, staged_key) -%}
    {{ config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=[
            "{{ delete_restaged(" ~ ([source_name, stream, raw_key, staged_key] | map('tojson') | join(', ')) ~ ") }}",
            "{{ record_restaged_write(" ~ ([source_name, stream] | map('tojson') | join(', ')) ~ ") }}",
        ],
        meta={'incremental_key': staged_key, 'restaged_from': {'source': source_name, 'stream': stream, 'raw_key': raw_key}},
    ) }}
{%- endmacro %}

{#- Pre-hook of a staging model kept incrementally: in an incremental build, first delete the staged rows of every
    record landed again since the last complete build (its newer version replaces them), or every row when the
    stream holds no load from before that build any more (a snapshot stream, e.g. groups, replaced as a whole: a
    record the new snapshot lacks must go too), or when no complete build is recorded. -#}
{% macro delete_restaged(source_name, stream, raw_key, staged_key) -%}
    {%- if is_incremental() -%}
        {%- set since = changed_since_load_id() -%}
        {%- set relation = source(source_name, stream) -%}
        delete from {{ this }}
        {%- if since is not none %}
        where {{ staged_key }} in ({{ restaged_keys(relation, raw_key, since) }})
            or {{ restages_everything(relation, since) }}
        {%- endif -%}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- The keys (`raw_key`) of the records of a raw stream landed since the load `since`: what an incremental build of a
    staging model deletes and stages again (delete_restaged), and what its tests look at (incremental_rewrite). -#}
{% macro restaged_keys(relation, raw_key, since) -%}
    select {{ raw_key }} from {{ relation }} where _load_id > '{{ since }}'
{%- endmacro %}

{#- True when the raw stream holds no load from before `since` any more (a snapshot stream replaced as a whole):
    an incremental build then stages every row again. -#}
{% macro restages_everything(relation, since) -%}
    not exists (select 1 from {{ relation }} where _load_id <= '{{ since }}')
{%- endmacro %}

{#- The condition on a raw stream's rows that an incremental build of a staging model reads: the loads landed since
    the last complete build (a load landed later was extracted later, so a record's newest version is among
    them); `true` in a full build or without a recorded build. -#}
{% macro landed_since_last_build() -%}
    {%- set since = changed_since_load_id() if is_incremental() else none -%}
    {%- if since is not none -%}
        _load_id > '{{ since }}'
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}
