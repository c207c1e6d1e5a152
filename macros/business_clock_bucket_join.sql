{#- Left join to the lookup bucket (relation `buckets`, from macro business_clock_buckets) that holds `key` on the
    schedule `schedule_id`: `lookup` is 'instant' (key = seconds since 1970-01-01 UTC, macro epoch_seconds) or
    'position' (key = business seconds); `bucket_seconds` is the schedule's bucket width for that lookup. An
    equality join, a hash lookup per probe. Read the bucket with business_clock_bucket_position or
    business_clock_bucket_instant. -#}
{% macro business_clock_bucket_join(buckets, alias, lookup, schedule_id, key, bucket_seconds) -%}
    left join {{ buckets }} as {{ alias }}
        on {{ alias }}.lookup = '{{ lookup }}'
        and {{ alias }}.schedule_id = {{ schedule_id }}
        and {{ alias }}.bucket = cast(floor(({{ key }}) / ({{ bucket_seconds }})) as bigint)
{%- endmacro %}
