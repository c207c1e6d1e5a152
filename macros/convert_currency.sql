{#- An amount converted from one currency to another at the rates of a day: through US dollars, with the rate of
    that day or, when the day has none, the latest earlier one (int_currency_rates_filled). Same currency: the
    amount unchanged, no rate needed. No rate on or before the day, or an unknown currency: null. Rounded to
    cents. The lookups are scalar subqueries on equality keys, which the engine turns into joins. -#}
{% macro convert_currency(amount, from_currency, to_currency, on_date) -%}
    case
        when {{ from_currency }} = {{ to_currency }} then cast({{ amount }} as decimal(18, 2))
        else cast(round(
            {{ amount }}
            / (
                select from_rates.units_per_usd
                from {{ ref('int_currency_rates_filled') }} as from_rates
                where from_rates.currency_code = {{ from_currency }}
                    and from_rates.rate_date = cast({{ on_date }} as date)
            )
            * (
                select to_rates.units_per_usd
                from {{ ref('int_currency_rates_filled') }} as to_rates
                where to_rates.currency_code = {{ to_currency }}
                    and to_rates.rate_date = cast({{ on_date }} as date)
            ),
            2
        ) as decimal(18, 2))
    end
{%- endmacro %}
