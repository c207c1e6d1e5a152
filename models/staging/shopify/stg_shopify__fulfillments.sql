{{ stage_shopify_fulfillments('shopify') }}
