{#- Return requests from every commerce source, in one canonical shape: one branch per enabled source with
    Shopify-shaped returns (the demo, the Shopify API) and one per source of marketplace return reports (return
    files of `files`, one row per returned product, grouped to returns). A return is linked to the order of its
    number on its platform, whichever source has it; when none does, `order_id` is null and the return keeps its
    own platform and market. -#}
with

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_returns as (
    select * from {{ ref('stg_' ~ system ~ '__returns') }}
),

{{ system }}_returns_canonical as (
    select
        '{{ system }}-' || cast(return_id as varchar) as return_id,
        '{{ system }}' as source_system,
        cast(return_id as varchar) as source_return_id,
        '{{ system }}-' || cast(order_id as varchar) as order_id,
        return_number,
        return_status,
        requested_at,
        -- no source gives a receipt time yet
        cast(null as timestamp) as received_at,
        closed_at,
        -- the order's platform and market are the return's (fct_returns)
        cast(null as varchar) as platform,
        cast(null as varchar) as market_code
    from {{ system }}_returns
),
{% endfor %}

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_exported_return_lines as (
    select * from {{ ref('stg_' ~ system ~ '__return_lines') }}
),

{{ system }}_exported_returns as (
    select
        return_id,
        any_value(source_return_id) as source_return_id,
        any_value(platform) as platform,
        any_value(order_number) as order_number,
        max(market_code) as market_code,
        -- the least advanced status of the return's lines
        case
            when bool_or(return_status = 'requested') then 'requested'
            when bool_or(return_status = 'open') then 'open'
            when bool_or(return_status = 'closed') then 'closed'
            else min(return_status)
        end as return_status,
        min(requested_at) as requested_at,
        max(refunded_at) as refunded_at
    from {{ system }}_exported_return_lines
    group by return_id
),

{{ system }}_returns_canonical as (
    select
        '{{ system }}-' || returns.return_id as return_id,
        '{{ system }}' as source_system,
        returns.return_id as source_return_id,
        -- the order of that number on that platform, from whichever source has it (null when none does)
        (
            select min(orders.order_id)
            from orders
            where orders.platform = returns.platform
                and orders.order_number = returns.order_number
        ) as order_id,
        returns.source_return_id as return_number,
        returns.return_status,
        returns.requested_at,
        cast(null as timestamp) as received_at,
        case when returns.return_status = 'closed' then returns.refunded_at end as closed_at,
        returns.platform,
        returns.market_code
    from {{ system }}_exported_returns as returns
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_returns_canonical') }}
)

select * from unioned
