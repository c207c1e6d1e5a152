{{ stage_shopify_product_variants('demo') }}
