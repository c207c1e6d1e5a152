{#- An amount in the reporting currency (var reporting_currency, env CSW_REPORTING_CURRENCY, default USD) at the
    rates of the given day; see convert_currency for the rules. -#}
{% macro to_reporting_currency(amount, currency, on_date) -%}
    {%- set reporting_currency = var('reporting_currency') -%}
    {%- if not modules.re.match('^[A-Z]{3}$', reporting_currency) -%}
        {{ exceptions.raise_compiler_error(
            "var reporting_currency (env CSW_REPORTING_CURRENCY) must be an ISO 4217 code such as USD or EUR, got '"
            ~ reporting_currency ~ "'"
        ) }}
    {%- endif -%}
    {{ convert_currency(amount, currency, "'" ~ reporting_currency ~ "'", on_date) }}
{%- endmacro %}
