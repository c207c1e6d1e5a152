{#- Staging of a Shopify-shaped `orders` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_orders(source_name) -%}
{{ staged_incrementally(source_name, 'orders', 'id', 'order_id') }}
with

source as (
    {{ latest_version(source(source_name, 'orders'), 'id') }}
),

renamed as (
    select
        id as order_id,
        name as order_number,
        order_number as order_sequence,
        source_name,
        {{ platform_code('source_name') }} as platform,
        cast(customer ->> 'id' as bigint) as customer_id,
        customer ->> 'email' as customer_email,
        upper(shipping_address ->> 'country_code') as market_code,
        currency as order_currency,
        coalesce(presentment_currency, currency) as presentment_currency,
        cast(_extra -> 'total_price_set' -> 'presentment_money' ->> 'amount' as decimal(18, 2))
            as presentment_total_amount,
        cast(subtotal_price as decimal(18, 2)) as subtotal_amount,
        cast(total_tax as decimal(18, 2)) as tax_amount,
        cast(total_price as decimal(18, 2)) as total_amount,
        financial_status,
        fulfillment_status,
        string_split(nullif(tags, ''), ', ') as tags,
        {{ to_utc('created_at') }} as created_at,
        {{ to_utc('updated_at') }} as updated_at,
        {{ to_utc('processed_at') }} as processed_at,
        {{ to_utc('cancelled_at') }} as cancelled_at,
        cancelled_at is not null as is_cancelled,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
{%- endmacro %}
