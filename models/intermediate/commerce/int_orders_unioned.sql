{#- Orders from every commerce source, in one canonical shape. Today: the demo's Shopify-shaped orders (online
    store and marketplaces); the Shopify API and marketplace file exports are added here as further union
    branches. Ids are prefixed with the source system so they never collide across sources. -#}
with

demo_orders as (
    select * from {{ ref('stg_demo__orders') }}
),

demo_orders_canonical as (
    select
        'demo-' || cast(order_id as varchar) as order_id,
        'demo' as source_system,
        order_id as source_order_id,
        order_number,
        platform,
        market_code,
        'demo-' || cast(customer_id as varchar) as customer_id,
        lower(trim(customer_email)) as customer_email,
        order_currency,
        subtotal_amount,
        tax_amount,
        total_amount,
        presentment_currency,
        presentment_total_amount,
        financial_status,
        fulfillment_status,
        created_at as ordered_at,
        updated_at,
        cancelled_at,
        is_cancelled
    from demo_orders
),

unioned as (
    select * from demo_orders_canonical
)

select * from unioned
