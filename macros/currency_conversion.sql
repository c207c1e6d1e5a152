{#- Currency conversion at the rates of a day: through US dollars, with the rate of that day or, when the day has
    none, the latest earlier one (int_currency_rates_filled). A model joins the rates once per currency it converts
    from or to (currency_rates_join, reporting_currency_rates_join) and converts each amount with them
    (convert_currency, to_reporting_currency). Same currency: the amount unchanged, no rate needed. No rate on or
    before the day, or an unknown currency: null. Rounded to cents.
    Joins rather than scalar subqueries per amount: DuckDB runs a correlated subquery as a "delim join" on the
    outer columns it reads (the order's timestamp, nearly one value per order), a pass over every row for each
    amount; an equality join on (currency, day) is one hash join, and the day's rates serve every amount of the row.
    The rates table has one row per (currency, day) (its unique_combination_of_columns test), so the left joins
    never repeat a row. -#}

{#- Left join of the rates of `currency` on the day of `on_date` (a date or UTC timestamp), as `alias`. -#}
{% macro currency_rates_join(alias, currency, on_date) -%}
    left join {{ ref('int_currency_rates_filled') }} as {{ alias }}
        on {{ alias }}.currency_code = {{ currency }}
        and {{ alias }}.rate_date = cast({{ on_date }} as date)
{%- endmacro %}

{#- Left join of the reporting currency's rates (var reporting_currency, env CSW_REPORTING_CURRENCY, default USD) on
    the day of `on_date`, as `alias`. -#}
{% macro reporting_currency_rates_join(alias, on_date) -%}
    {{ currency_rates_join(alias, reporting_currency_literal(), on_date) }}
{%- endmacro %}

{#- The reporting currency as a SQL literal, checked to be a three-letter code. -#}
{% macro reporting_currency_literal() -%}
    {%- set reporting_currency = var('reporting_currency') -%}
    {%- if not modules.re.match('^[A-Z]{3}$', reporting_currency) -%}
        {{ exceptions.raise_compiler_error(
            "var reporting_currency (env CSW_REPORTING_CURRENCY) must be an ISO 4217 code such as USD or EUR, got '"
            ~ reporting_currency ~ "'"
        ) }}
    {%- endif -%}
    '{{ reporting_currency }}'
{%- endmacro %}

{#- `amount` in `from_currency` converted to `to_currency`, with the rates joined as `from_rates` and `to_rates`. -#}
{% macro convert_currency(amount, from_currency, to_currency, from_rates, to_rates) -%}
    case
        when {{ from_currency }} = {{ to_currency }} then cast({{ amount }} as decimal(18, 2))
        else cast(round({{ amount }} / {{ from_rates }}.units_per_usd * {{ to_rates }}.units_per_usd, 2) as decimal(18, 2))
    end
{%- endmacro %}

{#- `amount` in `currency` converted to the reporting currency, with the rates joined as `rates` (the amount's
    currency) and `reporting_rates` (reporting_currency_rates_join). -#}
{% macro to_reporting_currency(amount, currency, rates, reporting_rates) -%}
    {{ convert_currency(amount, currency, reporting_currency_literal(), rates, reporting_rates) }}
{%- endmacro %}
