{#- Position of the instant `at` on a schedule's business clock (as business_clock_position), from the instant's
    lookup bucket (`bucket`, joined with business_clock_bucket_join on 'instant'): the interval opening inside the
    bucket once `at` has reached it, else the interval as of the bucket's start. -#}
{% macro business_clock_bucket_position(bucket, at) -%}
    case
        when {{ bucket }}.inside_opens_at <= {{ at }}
            then {{ bucket }}.inside_cumulative_seconds_at_open
                + least({{ seconds_between(bucket ~ '.inside_opens_at', at) }}, {{ bucket }}.inside_interval_seconds)
        else {{ business_clock_position(bucket, at) }}
    end
{%- endmacro %}
