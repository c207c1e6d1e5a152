{#- Staging of a marketplace review export (the file contract's `reviews` columns: the demo's review stream and
    the review files of the `files` source): one row per review, renamed, timestamps in UTC. `source_sql` selects
    the current raw rows (one per review). -#}
{% macro stage_review_export(source_sql) -%}
with

source as (
    {{ source_sql }}
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
{%- endmacro %}
