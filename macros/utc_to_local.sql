{#- A UTC timestamp (without zone) as wall-clock time in an IANA time zone, daylight saving included.
    Standard SQL `at time zone` (DuckDB needs its built-in ICU extension; PostgreSQL spells it the same). -#}
{% macro utc_to_local(timestamp_utc, time_zone) -%}
    cast(({{ timestamp_utc }} at time zone 'UTC') at time zone {{ time_zone }} as timestamp)
{%- endmacro %}
