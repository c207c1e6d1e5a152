{#- Returned lines (what was sent back, how many, and why) from every commerce source: one branch per enabled
    source with Shopify-shaped returns (the demo, the Shopify API) and one per source of marketplace return
    reports (return files of `files`: the order is the return's, int_returns_unioned; the order line is that
    order's line of the returned SKU; the reason is categorised by macro `return_reason_category`). -#}
with

returns as (
    select * from {{ ref('int_returns_unioned') }}
),

order_lines as (
    select * from {{ ref('int_order_lines_unioned') }}
),

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

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_return_lines_canonical as (
    select
        '{{ system }}-' || lines.return_line_id as return_line_id,
        '{{ system }}' as source_system,
        lines.return_line_id as source_return_line_id,
        '{{ system }}-' || lines.return_id as return_id,
        returns.order_id,
        -- the returned product's line of that order, by SKU
        (
            select min(order_lines.order_line_id)
            from order_lines
            where order_lines.order_id = returns.order_id
                and order_lines.sku = lines.sku
        ) as order_line_id,
        lines.quantity,
        lines.return_reason,
        lines.customer_note
    from {{ ref('stg_' ~ system ~ '__return_lines') }} as lines
    inner join returns
        on '{{ system }}-' || lines.return_id = returns.return_id
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_return_lines_canonical') }}
)

select * from unioned
