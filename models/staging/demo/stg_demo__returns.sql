{{ stage_shopify_returns('demo') }}
