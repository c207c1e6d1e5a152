{#- How far each commerce source's data reaches: its latest order change (`source_updated_until`, one row per
    source system). A parcel not delivered by then, after its promised day, is overdue (fct_orders), so it is also
    what decides which orders in transit a night re-measures (int_orders_remeasured). Always over every order,
    also in an incremental build. -#}
{% macro order_source_horizons() -%}
    select
        source_system,
        max(updated_at) as source_updated_until
    from {{ ref('int_orders_unioned') }}
    group by 1
{%- endmacro %}
