{#- Order lines from every commerce source, in one canonical shape (today: the demo's Shopify line items). -#}
with

demo_order_lines as (
    select * from {{ ref('stg_demo__order_lines') }}
),

demo_order_lines_canonical as (
    select
        'demo-' || cast(order_line_id as varchar) as order_line_id,
        'demo' as source_system,
        order_line_id as source_order_line_id,
        'demo-' || cast(order_id as varchar) as order_id,
        'demo-' || cast(product_id as varchar) as product_id,
        'demo-' || cast(variant_id as varchar) as product_variant_id,
        sku,
        product_title,
        quantity,
        unit_price,
        line_amount,
        order_currency
    from demo_order_lines
),

unioned as (
    select * from demo_order_lines_canonical
)

select * from unioned
