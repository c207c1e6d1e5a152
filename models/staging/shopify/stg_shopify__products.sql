{{ stage_shopify_products('shopify') }}
