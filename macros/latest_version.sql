{#- Newest version of each record of a raw stream: the lake keeps every load (merge streams, or a snapshot
    load interrupted before it replaced the previous one), so staging keeps, per primary key, the row of the
    latest extraction. -#}
{% macro latest_version(relation, primary_key) -%}
    select *
    from {{ relation }}
    qualify row_number() over (
        partition by {{ primary_key }}
        order by _extracted_at desc, _load_id desc
    ) = 1
{%- endmacro %}
