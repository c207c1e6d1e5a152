{#- The order of a conversation's messages: by time; within the same second the customer's message comes first
    (so a reply written in that second answers it); then by id. One rule for every model that sequences messages. -#}
{% macro message_order() -%}
    created_at, case when author_type = 'customer' then 0 else 1 end, message_id
{%- endmacro %}
