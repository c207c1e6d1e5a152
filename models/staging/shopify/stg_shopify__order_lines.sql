{{ stage_shopify_order_lines('shopify') }}
