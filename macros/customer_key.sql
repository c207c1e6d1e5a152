{#- The conformed customer key: a hash of the lower-cased e-mail when there is one (so the same person in the
    helpdesk and in the shop or marketplace is one customer), else of the source's own customer id. -#}
{% macro customer_key(email, fallback_id) -%}
    {{ dbt.hash("coalesce(nullif(lower(trim(" ~ email ~ ")), ''), " ~ fallback_id ~ ")") }}
{%- endmacro %}
