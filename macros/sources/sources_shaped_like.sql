{#- The enabled sources whose raw records have one shape, so that one staging and mapping serves them all:
    `zendesk` (the Zendesk API and the demo's helpdesk), `shopify` (the Shopify API and the demo's store),
    `review_export` (the demo's review stream and the review files of `files`), `helpdesk_export` (conversations
    and messages files of `files`), `commerce_export` (order and return files of `files`). -#}
{% macro sources_shaped_like(shape) -%}
    {%- set shapes = {
        'zendesk': ['demo', 'zendesk'],
        'shopify': ['demo', 'shopify'],
        'review_export': ['demo', 'files'],
        'helpdesk_export': ['files'],
        'commerce_export': ['files'],
    } -%}
    {{ return(enabled_sources() | select('in', shapes[shape]) | list) }}
{%- endmacro %}
