{{ stage_shopify_return_lines('demo') }}
