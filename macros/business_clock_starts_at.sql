{#- Where a schedule's business clock starts (UTC): local midnight, in the schedule's time zone, of var
    date_spine_start. Instants before it have no clock position. -#}
{% macro business_clock_starts_at(time_zone) -%}
    {{ local_to_utc("cast('" ~ var('date_spine_start') ~ "' as timestamp)", time_zone) }}
{%- endmacro %}
