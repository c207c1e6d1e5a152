{#- Order lines of order reports from other platforms (file contract `orders`, one row per order line), the current
    file versions only, with the warehouse's order and line ids (`<platform>:<order_number>`, plus `:<sku>`). -#}
with

source as (
    {{ files_current_rows('orders', 'platform, order_number, product_sku') }}
),

renamed as (
    select
        {{ platform_code('platform') }} || ':' || order_number as order_id,
        {{ platform_code('platform') }} || ':' || order_number || ':' || product_sku as order_line_id,
        order_number,
        {{ platform_code('platform') }} as platform,
        product_sku as sku,
        upper(coalesce(ship_country, marketplace_country)) as market_code,
        upper(ship_country) as ship_country,
        created_at as ordered_at,
        coalesce(quantity, 1) as quantity,
        cast(item_price as decimal(18, 2)) as line_amount,
        upper(currency) as order_currency,
        order_status as exported_status,
        lower(trim(customer_email)) as customer_email,
        customer_name,
        shipped_at,
        promised_delivery_at,
        delivered_at,
        carrier,
        tracking_number,
        _file,
        _line,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
