{{ stage_shopify_orders('demo') }}
