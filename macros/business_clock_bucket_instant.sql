{#- The instant a schedule's business clock reaches `position` (business seconds from the clock's start), from the
    position's lookup bucket (`bucket`, joined with business_clock_bucket_join on 'position'): inside the interval
    that opened last at or below the position, provided it has not closed below it; null beyond the clock's end.
    A position reached exactly at a closing falls at the next opening (the clock stands still while closed). -#}
{% macro business_clock_bucket_instant(bucket, position) -%}
    case
        when {{ bucket }}.inside_cumulative_seconds_at_open <= {{ position }}
            then case when {{ bucket }}.inside_cumulative_seconds_at_close >= {{ position }} then
                {{ dbt.dateadd('second', position ~ ' - ' ~ bucket ~ '.inside_cumulative_seconds_at_open', bucket ~ '.inside_opens_at') }}
            end
        when {{ bucket }}.cumulative_seconds_at_close >= {{ position }}
            then {{ dbt.dateadd('second', position ~ ' - ' ~ bucket ~ '.cumulative_seconds_at_open', bucket ~ '.opens_at') }}
    end
{%- endmacro %}
