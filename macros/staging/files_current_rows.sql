{#- The current rows of one entity of the `files` source: the lake keeps every version of every file it read, and
    a file's current version is its latest read with status `loaded` in the `_files` inventory (its commit
    marker, written after its rows). Rows of older versions, of rejected versions and of reads killed before
    their marker are left out; of several rows with one key (the same review in two exports), the latest read
    wins. -#}
{% macro files_current_rows(entity, key) -%}
    select rows.*
    from {{ source('files', entity) }} as rows
    inner join (
        select _file, max(_load_id) as _load_id
        from {{ source('files', '_files') }}
        where status = 'loaded'
        group by _file
    ) as current_files
        using (_file, _load_id)
    qualify row_number() over (partition by {{ key }} order by rows._extracted_at desc, rows._load_id desc, rows._line desc) = 1
{%- endmacro %}
