{{ incremental_by_key('order_id', 'int_orders_landed') }}
{#- Orders from every commerce source, in one canonical shape: one branch per enabled source with Shopify-shaped
    orders (the demo, the Shopify API: online store and marketplaces). Ids are prefixed with the source system
    so they never collide across sources. Order reports from other platforms (order files of `files`, one row per
    line) are summed to orders.
    A table kept incrementally: an incremental build rebuilds the orders in int_orders_landed (docs block
    `incremental_builds`). -#}
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

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_exported_order_lines as (
    select * from {{ ref('stg_' ~ system ~ '__order_lines') }}
),

{{ system }}_orders_canonical as (
    -- an order report has one row per line: the order is their sum; its status words mapped to Shopify's
    select
        '{{ system }}-' || order_id as order_id,
        '{{ system }}' as source_system,
        order_id as source_order_id,
        any_value(order_number) as order_number,
        any_value(platform) as platform,
        max(market_code) as market_code,
        '{{ system }}-' || coalesce(max(customer_email), 'order ' || order_id) as customer_id,
        max(customer_email) as customer_email,
        min(order_currency) as order_currency,
        cast(sum(line_amount) as decimal(18, 2)) as subtotal_amount,
        cast(null as decimal(18, 2)) as tax_amount,
        cast(sum(line_amount) as decimal(18, 2)) as total_amount,
        min(order_currency) as presentment_currency,
        cast(sum(line_amount) as decimal(18, 2)) as presentment_total_amount,
        case
            when bool_or(lower(exported_status) like '%cancel%') then 'voided'
            when bool_or(lower(exported_status) like '%refund%') then 'refunded'
            when bool_and(lower(exported_status) like '%pending%') then 'pending'
            else 'paid'
        end as financial_status,
        case
            when count(shipped_at) = count(*) then 'fulfilled'
            when count(shipped_at) > 0 then 'partial'
        end as fulfillment_status,
        min(ordered_at) as ordered_at,
        greatest(max(ordered_at), max(shipped_at), max(delivered_at)) as updated_at,
        -- order reports say that an order was cancelled, not when
        cast(null as timestamp) as cancelled_at,
        bool_or(lower(exported_status) like '%cancel%') as is_cancelled
    from {{ system }}_exported_order_lines
    group by order_id
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_orders_canonical') }}
)

select * from unioned
where {{ only_changed('order_id', 'int_orders_landed', 'order_id') }}
