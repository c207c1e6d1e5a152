{#- Refunds from every commerce source, in one canonical shape, with what each refund is for (refund_type).
    Today: the demo's Shopify refunds, whose note names the reason (see the demo README); a refund that settles
    a return is a `return` refund whatever its note says. -#}
with

demo_refunds as (
    select * from {{ ref('stg_demo__refunds') }}
),

demo_refunds_canonical as (
    select
        'demo-' || cast(refund_id as varchar) as refund_id,
        'demo' as source_system,
        refund_id as source_refund_id,
        'demo-' || cast(order_id as varchar) as order_id,
        'demo-' || cast(return_id as varchar) as return_id,
        case
            when return_id is not null then 'return'
            when lower(refund_note) like '%cancel%' then 'cancellation'
            when lower(refund_note) like 'lost in transit%' then 'lost_parcel'
            when lower(refund_note) like '%late delivery%' then 'late_delivery_goodwill'
            when lower(refund_note) like '%product issue%' then 'product_issue'
            when lower(refund_note) like '%duties%' then 'duties'
            else 'other'
        end as refund_type,
        refund_note,
        refund_amount,
        refund_currency,
        order_currency,
        created_at as refunded_at
    from demo_refunds
),

unioned as (
    select * from demo_refunds_canonical
)

select * from unioned
