{#- Returned products of marketplace return reports (file contract `returns`, one row per returned product of a
    return), the current file versions only, with the warehouse's ids (`<platform>:<return_id>`, plus `:<sku>`),
    the order id the return belongs to (`<platform>:<order_number>`, as stg_files__order_lines builds it) and the
    reason in the warehouse's categories (macro `return_reason_category`). -#}
with

source as (
    {{ files_current_rows('returns', 'platform, return_id, product_sku') }}
),

renamed as (
    select
        {{ platform_code('platform') }} || ':' || return_id as return_id,
        {{ platform_code('platform') }} || ':' || return_id || ':' || product_sku as return_line_id,
        return_id as source_return_id,
        {{ platform_code('platform') }} as platform,
        order_number,
        product_sku as sku,
        upper(marketplace_country) as market_code,
        coalesce(quantity, 1) as quantity,
        return_reason as exported_reason,
        {{ return_reason_category('return_reason') }} as return_reason,
        customer_comment as customer_note,
        status as exported_status,
        case
            when lower(status) in ('requested', 'pending', 'new', 'pending approval', 'pending_approval') then 'requested'
            when lower(status) in ('open', 'authorized', 'approved', 'in transit', 'in_transit', 'shipped', 'received')
                then 'open'
            when lower(status) in ('closed', 'completed', 'complete', 'refunded', 'reimbursed', 'done') then 'closed'
            when lower(status) in ('declined', 'rejected', 'denied') then 'declined'
            when lower(status) in ('canceled', 'cancelled') then 'canceled'
            when status is null and refunded_at is not null then 'closed'
            when status is null then 'requested'
            else 'open'
        end as return_status,
        requested_at,
        refunded_at,
        cast(refund_amount as decimal(18, 2)) as refund_amount,
        upper(refund_currency) as refund_currency,
        _file,
        _line,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
