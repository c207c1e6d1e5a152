-- The reporting currency (var reporting_currency, env CSW_REPORTING_CURRENCY) must have rates in the
-- currency_rates seed, and every rate must be positive. Returns a row (a failure) per problem.
with

currency_rates as (
    select * from {{ ref('currency_rates') }}
),

reporting_currency_rates as (
    select count(*) as rates
    from currency_rates
    where currency_code = '{{ var("reporting_currency") }}'
),

problems as (
    select
        'no rates for the reporting currency {{ var("reporting_currency") }}' as problem,
        cast(null as date) as rate_date,
        cast(null as varchar) as currency_code
    from reporting_currency_rates
    where rates = 0

    union all

    select
        'rate is not positive' as problem,
        rate_date,
        currency_code
    from currency_rates
    where units_per_usd <= 0
)

select * from problems
