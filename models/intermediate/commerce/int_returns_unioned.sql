{#- Return requests from every commerce source, in one canonical shape (today: the demo's Shopify returns). -#}
with

demo_returns as (
    select * from {{ ref('stg_demo__returns') }}
),

demo_returns_canonical as (
    select
        'demo-' || cast(return_id as varchar) as return_id,
        'demo' as source_system,
        return_id as source_return_id,
        'demo-' || cast(order_id as varchar) as order_id,
        return_number,
        return_status,
        requested_at,
        -- Shopify-shaped returns carry no receipt time; sources that do (marketplace return exports) fill it.
        cast(null as timestamp) as received_at,
        closed_at
    from demo_returns
),

unioned as (
    select * from demo_returns_canonical
)

select * from unioned
