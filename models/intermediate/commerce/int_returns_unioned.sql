{#- Return requests from every commerce source, in one canonical shape: one branch per enabled source with
    Shopify-shaped returns (the demo, the Shopify API). -#}
with

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
        -- Shopify-shaped returns carry no receipt time; sources that do (marketplace return exports) fill it.
        cast(null as timestamp) as received_at,
        closed_at
    from {{ system }}_returns
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify'), '_returns_canonical') }}
)

select * from unioned
