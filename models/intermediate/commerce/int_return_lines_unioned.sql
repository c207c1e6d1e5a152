{#- Returned lines (what was sent back, how many, and why) from every commerce source: one branch per enabled
    source with Shopify-shaped returns (the demo, the Shopify API). -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_return_lines as (
    select * from {{ ref('stg_' ~ system ~ '__return_lines') }}
),

{{ system }}_return_lines_canonical as (
    select
        '{{ system }}-' || cast(return_line_id as varchar) as return_line_id,
        '{{ system }}' as source_system,
        cast(return_line_id as varchar) as source_return_line_id,
        '{{ system }}-' || cast(return_id as varchar) as return_id,
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        '{{ system }}-' || cast(order_line_id as varchar) as order_line_id,
        quantity,
        coalesce(return_reason, 'unknown') as return_reason,
        customer_note
    from {{ system }}_return_lines
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_return_lines_canonical') }}
)

select * from unioned
