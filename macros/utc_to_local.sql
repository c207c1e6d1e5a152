{#- A UTC timestamp (without zone) as the wall-clock time in an IANA time zone (without zone), e.g. for the
    local date a parcel was promised on. -#}
{% macro utc_to_local(column, time_zone) -%}
    cast(({{ column }} at time zone 'UTC') at time zone {{ time_zone }} as timestamp)
{%- endmacro %}
