{#- Staging of a Shopify-shaped `returns` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_returns(source_name) -%}
{{ staged_incrementally(source_name, 'returns', 'id', 'return_id') }}
with

source as (
    {{ latest_version(source(source_name, 'returns'), 'id') }}
),

renamed as (
    select
        id as return_id,
        order_id,
        name as return_number,
        lower(status) as return_status,
        {{ to_utc('created_at') }} as requested_at,
        {{ to_utc('closed_at') }} as closed_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
