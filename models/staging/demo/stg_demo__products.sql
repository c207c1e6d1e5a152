{{ stage_shopify_products('demo') }}
