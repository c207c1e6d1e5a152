{{ stage_shopify_orders('shopify') }}
