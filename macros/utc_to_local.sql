{#- A UTC timestamp (without zone) as wall-clock time in an IANA time zone, daylight saving included.
    Standard SQL `at time zone` (DuckDB needs its built-in ICU extension; PostgreSQL spells it the same), with a
    branch of its own for each zone of the seeds (known_time_zones): a zone read from a column costs DuckDB a zone
    lookup per row, seven times the whole conversion. -#}
{% macro utc_to_local(timestamp_utc, time_zone) -%}
    {%- call(zone) specialise_on(time_zone, known_time_zones()) -%}
        cast(({{ timestamp_utc }} at time zone 'UTC') at time zone {{ zone }} as timestamp)
    {%- endcall -%}
{%- endmacro %}

{#- The time zones of the seeds markets and support_schedules: the zones the time-zone macros give a branch of
    their own (specialise_on). -#}
{% macro known_time_zones() -%}
    {{ return((seed_values('markets', 'time_zone') + seed_values('support_schedules', 'time_zone')) | unique | list) }}
{%- endmacro %}
