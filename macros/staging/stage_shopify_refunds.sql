{#- Staging of a Shopify-shaped `refunds` stream, for every source that lands that shape (see macros/staging/_staging__macros.yml). -#}
{% macro stage_shopify_refunds(source_name) -%}
{{ staged_incrementally(source_name, 'orders', 'id', 'order_id') }}
with

source as (
    {{ latest_version(source(source_name, 'orders'), 'id') }}
),

refunds as (
    select
        currency as order_currency,
        id as order_id,
        unnest(
            from_json(
                refunds,
                '[{"id": "BIGINT", "order_id": "BIGINT", "created_at": "VARCHAR", "processed_at": "VARCHAR", "note": "VARCHAR", "return_id": "BIGINT", "transactions": [{"kind": "VARCHAR", "status": "VARCHAR", "amount": "VARCHAR", "currency": "VARCHAR"}]}]'
            )
        ) as refund,
        _load_id,
        _extracted_at
    from source
),

renamed as (
    select
        refund.id as refund_id,
        order_id,
        refund.return_id as return_id,
        refund.note as refund_note,
        coalesce(
            list_sum(
                list_transform(
                    list_filter(refund.transactions, tx -> tx.kind = 'refund' and tx.status = 'success'),
                    tx -> cast(tx.amount as decimal(18, 2))
                )
            ),
            0
        ) as refund_amount,
        refund.transactions[1].currency as refund_currency,
        order_currency,
        {{ to_utc('refund.created_at') }} as created_at,
        {{ to_utc('refund.processed_at') }} as processed_at,
        _load_id,
        _extracted_at
    from refunds
)

select * from renamed
{%- endmacro %}
