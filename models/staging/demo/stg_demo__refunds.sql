{{ stage_shopify_refunds('demo') }}
