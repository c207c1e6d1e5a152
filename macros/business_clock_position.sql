{#- Position of the instant `at` on a schedule's business clock: the business seconds from the start of the clock
    (int_business_clock) to `at`. `clock` names the clock row as of `at` (the schedule's last interval that opened
    at or before `at`, from `asof_left_join`): its cumulative seconds at opening plus the open part of it before
    `at` (all of it once it has closed). Before the schedule's first interval there is no such row: position 0.
    The business seconds between two instants are position(end) - position(start). -#}
{% macro business_clock_position(clock, at) -%}
    coalesce(
        {{ clock }}.cumulative_seconds_at_open
            + least({{ seconds_between(clock ~ '.opens_at', at) }}, {{ clock }}.interval_seconds),
        0
    )
{%- endmacro %}
