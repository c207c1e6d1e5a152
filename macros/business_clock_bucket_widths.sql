{#- Each schedule's bucket widths from the lookup buckets `buckets` (macro business_clock_buckets): one row per
    schedule with instant_bucket_seconds and position_bucket_seconds, what business_clock_bucket_join needs on the
    probe side. -#}
{% macro business_clock_bucket_widths(buckets) -%}
    select
        schedule_id,
        max(case when lookup = 'instant' then bucket_seconds end) as instant_bucket_seconds,
        max(case when lookup = 'position' then bucket_seconds end) as position_bucket_seconds
    from {{ buckets }}
    group by 1
{%- endmacro %}
