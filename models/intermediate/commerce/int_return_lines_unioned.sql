{#- Returned lines (what was sent back, how many, and why) from every commerce source (today: the demo's Shopify
    return line items). -#}
with

demo_return_lines as (
    select * from {{ ref('stg_demo__return_lines') }}
),

demo_return_lines_canonical as (
    select
        'demo-' || cast(return_line_id as varchar) as return_line_id,
        'demo' as source_system,
        return_line_id as source_return_line_id,
        'demo-' || cast(return_id as varchar) as return_id,
        'demo-' || cast(order_id as varchar) as order_id,
        'demo-' || cast(order_line_id as varchar) as order_line_id,
        quantity,
        coalesce(return_reason, 'unknown') as return_reason,
        customer_note
    from demo_return_lines
),

unioned as (
    select * from demo_return_lines_canonical
)

select * from unioned
