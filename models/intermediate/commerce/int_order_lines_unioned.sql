{{ incremental_by_key('order_id', 'int_orders_landed') }}
{#- Order lines from every commerce source, in one canonical shape: one branch per enabled source with
    Shopify-shaped line items (the demo, the Shopify API).
    A table kept incrementally: an incremental build rebuilds the orders in int_orders_landed (docs block
    `incremental_builds`). -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_order_lines as (
    select * from {{ ref('stg_' ~ system ~ '__order_lines') }}
),

{{ system }}_order_lines_canonical as (
    select
        '{{ system }}-' || cast(order_line_id as varchar) as order_line_id,
        '{{ system }}' as source_system,
        cast(order_line_id as varchar) as source_order_line_id,
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        '{{ system }}-' || cast(product_id as varchar) as product_id,
        '{{ system }}-' || cast(variant_id as varchar) as product_variant_id,
        sku,
        product_title,
        quantity,
        unit_price,
        line_amount,
        order_currency
    from {{ system }}_order_lines
),
{% endfor %}

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_order_lines_canonical as (
    select
        '{{ system }}-' || order_line_id as order_line_id,
        '{{ system }}' as source_system,
        order_line_id as source_order_line_id,
        '{{ system }}-' || order_id as order_id,
        cast(null as varchar) as product_id,
        cast(null as varchar) as product_variant_id,
        sku,
        cast(null as varchar) as product_title,
        quantity,
        cast(line_amount / nullif(quantity, 0) as decimal(18, 2)) as unit_price,
        cast(line_amount as decimal(37, 2)) as line_amount,
        order_currency
    from {{ ref('stg_' ~ system ~ '__order_lines') }}
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_order_lines_canonical') }}
)

select * from unioned
where {{ only_changed('order_id', 'int_orders_landed', 'order_id') }}
