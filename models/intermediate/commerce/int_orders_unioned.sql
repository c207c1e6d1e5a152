{#- Orders from every commerce source, in one canonical shape: one branch per enabled source with Shopify-shaped
    orders (the demo, the Shopify API: online store and marketplaces). Ids are prefixed with the source system
    so they never collide across sources. -#}
with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_orders as (
    select * from {{ ref('stg_' ~ system ~ '__orders') }}
),

{{ system }}_orders_canonical as (
    select
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        '{{ system }}' as source_system,
        cast(order_id as varchar) as source_order_id,
        order_number,
        platform,
        market_code,
        '{{ system }}-' || cast(customer_id as varchar) as customer_id,
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
    from {{ system }}_orders
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_orders_canonical') }}
)

select * from unioned
