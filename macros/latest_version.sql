{#- Newest version of each record of a raw stream: the lake keeps every load (merge streams, or a snapshot
    load interrupted before it replaced the previous one), so staging keeps, per primary key, the row of the
    latest extraction; within one extraction, the row with the latest `version_column` (e.g. `updated_at`)
    when the stream carries several versions of a record. In an incremental build of the staging model, only the
    loads landed since the last complete build (macros/incremental/staged_incrementally.sql). -#}
{% macro latest_version(relation, primary_key, version_column=none) -%}
    select *
    from {{ relation }}
    where {{ landed_since_last_build() }}
    qualify row_number() over (
        partition by {{ primary_key }}
        order by _extracted_at desc, _load_id desc{% if version_column %}, {{ version_column }} desc{% endif %}
    ) = 1
{%- endmacro %}
