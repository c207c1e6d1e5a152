{#- Lookup buckets over the business clock `clock` (rows of int_business_clock, for the schedules `schedules`, rows of
    seed support_schedules): a query with one row per schedule, lookup and bucket, so that finding a clock interval
    is an equality join on (schedule, lookup, bucket) instead of an as-of join: millions of waits then probe a hash
    table instead of being sorted with everything they carry (the three as-of joins were three quarters of
    int_support_waits_timed's time). Columns: schedule_id, lookup, bucket, bucket_seconds; opens_at,
    interval_seconds, cumulative_seconds_at_open, cumulative_seconds_at_close of the interval as of the bucket's
    start; the same prefixed `inside_` of the interval opening inside the bucket.

    Two lookups, each over a key that grows from one opening of a schedule to the next:
    - `instant`: the opening instant (seconds since 1970-01-01 UTC) - which interval an instant falls in
      (macro business_clock_bucket_position);
    - `position`: the business seconds at opening (cumulative_seconds_at_open) - at which instant the clock reaches a
      position (macro business_clock_bucket_instant).

    Each schedule's keys are cut into buckets of bucket_seconds: an hour, or less when two of its openings come closer
    than that, so that at most one opening lies strictly inside a bucket. A bucket then holds the as-of interval at
    its start (the last opening at or before it) and the one opening inside it, if any: the interval of any key in
    the bucket is the inside one once its key has passed it, else the as-of one. Openings and interval lengths are
    whole minutes, so a bucket is never under 60 seconds; the numbers below are counted for that narrowest width,
    and test assert_business_clock_buckets_match_asof checks the lookups against the as-of join. -#}
{% macro business_clock_buckets(clock, schedules) -%}
    {#- bucket numbers needed at the narrowest width (60 s) over the spine and a day either side of it -#}
    {%- set spine_days = (
        modules.datetime.date.fromisoformat(var('date_spine_end'))
        - modules.datetime.date.fromisoformat(var('date_spine_start'))
    ).days + 3 %}
    {%- set max_buckets = spine_days * 24 * 60 %}
    {%- set lookups = ['instant', 'position'] %}

    with

    openings as (
        select
            schedule_id,
            'instant' as lookup,
            {{ epoch_seconds('opens_at') }} as key_at_open,
            opens_at,
            interval_seconds,
            cumulative_seconds_at_open,
            cumulative_seconds_at_close
        from {{ clock }}
        union all
        select
            schedule_id,
            'position' as lookup,
            cumulative_seconds_at_open as key_at_open,
            opens_at,
            interval_seconds,
            cumulative_seconds_at_open,
            cumulative_seconds_at_close
        from {{ clock }}
    ),

    opening_steps as (
        select
            *,
            lead(key_at_open) over (partition by schedule_id, lookup order by key_at_open) as next_key_at_open
        from openings
    ),

    bucket_widths as (
        select
            schedule_id,
            lookup,
            least(3600, coalesce(min(next_key_at_open - key_at_open), 3600)) as bucket_seconds
        from opening_steps
        group by 1, 2
    ),

    -- the keys each lookup must answer for: a schedule's clock span (instants), 0 to its last closing (positions)
    key_ranges as (
        select
            schedule_id,
            'instant' as lookup,
            {{ epoch_seconds(business_clock_starts_at('time_zone')) }} as first_key,
            {{ epoch_seconds(business_clock_ends_at('time_zone')) }} as last_key
        from {{ schedules }}
        union all
        select
            schedule_id,
            'position' as lookup,
            0 as first_key,
            max(cumulative_seconds_at_close) as last_key
        from {{ clock }}
        group by 1
    ),

    bucket_ranges as (
        select
            key_ranges.schedule_id,
            key_ranges.lookup,
            bucket_widths.bucket_seconds,
            cast(floor(key_ranges.first_key / bucket_widths.bucket_seconds) as bigint) as first_bucket,
            cast(floor(key_ranges.last_key / bucket_widths.bucket_seconds) as bigint) as last_bucket
        from key_ranges
        inner join bucket_widths
            on key_ranges.schedule_id = bucket_widths.schedule_id
            and key_ranges.lookup = bucket_widths.lookup
    ),

    bucket_numbers as (
        {{ dbt.generate_series(max_buckets) }}
    ),

    buckets as (
        select
            bucket_ranges.schedule_id,
            bucket_ranges.lookup,
            bucket_ranges.bucket_seconds,
            bucket_ranges.first_bucket + bucket_numbers.generated_number - 1 as bucket,
            (bucket_ranges.first_bucket + bucket_numbers.generated_number - 1) * bucket_ranges.bucket_seconds
                as bucket_starts_key
        from bucket_ranges
        inner join bucket_numbers
            on bucket_numbers.generated_number <= case
                when bucket_ranges.last_bucket - bucket_ranges.first_bucket + 1 <= {{ max_buckets }}
                    then bucket_ranges.last_bucket - bucket_ranges.first_bucket + 1
                -- not with whole-minute openings; should it happen, fail (a conversion error with this text) rather
                -- than leave the end of a clock without buckets
                else cast(
                    'business_clock_buckets: openings under a minute apart, more buckets than counted for' as bigint
                )
            end
    ),

    openings_bucketed as (
        select
            opening_steps.*,
            cast(floor(opening_steps.key_at_open / bucket_widths.bucket_seconds) as bigint) as bucket
        from opening_steps
        inner join bucket_widths
            on opening_steps.schedule_id = bucket_widths.schedule_id
            and opening_steps.lookup = bucket_widths.lookup
    ),

    {%- for lookup in lookups %}

    {{ lookup }}_openings as (
        select * from openings_bucketed
        where lookup = '{{ lookup }}'
    ),

    {{ lookup }}_buckets as (
        select
            buckets.schedule_id,
            buckets.lookup,
            buckets.bucket,
            buckets.bucket_seconds,
            as_of_opening.opens_at,
            as_of_opening.interval_seconds,
            as_of_opening.cumulative_seconds_at_open,
            as_of_opening.cumulative_seconds_at_close,
            inside_opening.opens_at as inside_opens_at,
            inside_opening.interval_seconds as inside_interval_seconds,
            inside_opening.cumulative_seconds_at_open as inside_cumulative_seconds_at_open,
            inside_opening.cumulative_seconds_at_close as inside_cumulative_seconds_at_close
        from buckets
        {{ asof_left_join(
            lookup ~ '_openings as as_of_opening', 'buckets.schedule_id', 'as_of_opening.schedule_id',
            'buckets.bucket_starts_key', 'as_of_opening.key_at_open', 'as_of_opening.next_key_at_open'
        ) }}
        left join {{ lookup }}_openings as inside_opening
            on buckets.schedule_id = inside_opening.schedule_id
            and buckets.bucket = inside_opening.bucket
            and inside_opening.key_at_open > buckets.bucket_starts_key
        where buckets.lookup = '{{ lookup }}'
    )
    {%- if not loop.last %},{% endif %}
    {%- endfor %}

    {%- for lookup in lookups %}
    select * from {{ lookup }}_buckets
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
