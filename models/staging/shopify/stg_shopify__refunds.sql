{{ stage_shopify_refunds('shopify') }}
