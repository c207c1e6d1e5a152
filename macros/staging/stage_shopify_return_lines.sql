{#- Staging of a Shopify-shaped `return_lines` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_return_lines(source_name) -%}
{{ staged_incrementally(source_name, 'returns', 'id', 'return_id') }}
with

source as (
    {{ latest_version(source(source_name, 'returns'), 'id') }}
),

lines as (
    select
        id as return_id,
        order_id,
        unnest(
            from_json(
                return_line_items,
                '[{"id": "BIGINT", "line_item_id": "BIGINT", "quantity": "BIGINT", "return_reason": "VARCHAR", "customer_note": "VARCHAR"}]'
            )
        ) as line,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        line.id as return_line_id,
        return_id,
        order_id,
        line.line_item_id as order_line_id,
        line.quantity as quantity,
        lower(line.return_reason) as return_reason,
        line.customer_note as customer_note,
        _load_id,
        _extracted_at
    from lines
)

select * from renamed
{%- endmacro %}
