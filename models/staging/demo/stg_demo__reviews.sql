with

source as (
    {{ latest_version(source('demo', 'reviews'), 'review_id') }}
),

renamed as (
    select
        platform || ':' || review_id as review_id,
        review_id as source_review_id,
        {{ platform_code('platform') }} as platform,
        upper(marketplace_country) as market_code,
        order_number,
        product_sku as sku,
        rating,
        title as review_title,
        body as review_body,
        lower(split_part(replace(language, '_', '-'), '-', 1)) as language_code,
        reviewer_name,
        verified_purchase as is_verified_purchase,
        {{ to_utc('created_at') }} as created_at,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
