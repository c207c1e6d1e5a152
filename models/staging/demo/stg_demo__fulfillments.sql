{{ stage_shopify_fulfillments('demo') }}
