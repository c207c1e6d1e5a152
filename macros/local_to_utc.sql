{#- A local wall-clock timestamp (without zone) in an IANA time zone as a UTC timestamp (without zone), with the
    zone's daylight-saving rules for that date. A local time skipped by a spring-forward change (02:30 in
    Europe/Berlin on the last Sunday of March) is read with the offset before the change (01:30 UTC); an ambiguous
    one repeated by a fall-back change is read as the later, standard-time instant. Standard SQL `at time zone`
    (DuckDB with ICU, PostgreSQL), with a branch of its own for each zone of the seeds (as utc_to_local). -#}
{% macro local_to_utc(local_timestamp, time_zone) -%}
    {%- call(zone) specialise_on(time_zone, known_time_zones()) -%}
        cast(({{ local_timestamp }}) at time zone {{ zone }} at time zone 'UTC' as timestamp)
    {%- endcall -%}
{%- endmacro %}
