{#- Where a schedule's business clock ends (UTC, exclusive): local midnight, in the schedule's time zone, after
    var date_spine_end. Instants from it on have no clock position. -#}
{% macro business_clock_ends_at(time_zone) -%}
    {{ local_to_utc(dbt.dateadd('day', 1, "cast('" ~ var('date_spine_end') ~ "' as timestamp)"), time_zone) }}
{%- endmacro %}
