{{ stage_shopify_returns('shopify') }}
