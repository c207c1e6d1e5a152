{#- Canonical platform code for a sales channel name as the sources spell it.
    Shopify calls its own storefront `web` (and draft orders / POS likewise belong to the shop),
    helpdesk fields often say `web` too; marketplaces keep their own lower-case name. -#}
{% macro platform_code(expr) -%}
    case
        when lower({{ expr }}) in ('web', 'shopify', 'shopify_draft_order', 'pos', 'online_store') then 'shopify'
        else nullif(lower(trim({{ expr }})), '')
    end
{%- endmacro %}
