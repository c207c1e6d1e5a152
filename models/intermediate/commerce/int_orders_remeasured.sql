{{ config(materialized='table') }}
{#- The orders an incremental build of fct_orders re-measures (docs block `incremental_builds`): those
    int_orders_changed lists, and the orders in transit at the last build whose lateness may differ now that the
    data reaches further. An order in transit is late once the local day its source's data reaches
    (order_source_horizons) is after its promised day; nothing else in its row depends on that reach. So an order
    not late then can only have become late if it was promised before that reach, and an order late then can only
    be on time again if the reach went back (a deleted latest change) to before its promised time. Both compare
    UTC instants with a margin of two days, more than any difference between the local days of two instants of one
    time zone (daylight saving included), so the list holds every order whose row changes, and a few more.
    Empty in a full build, like int_orders_changed. -#}
{#- read by order_source_horizons, in the incremental branch only -#}
{%- do ref('int_orders_unioned') %}
{%- set previous_orders = previous_build_of('fct_orders') %}

select order_id from {{ ref('int_orders_changed') }}
{%- if execute and changed_keys_mode([previous_orders]) == 'incremental' %}
union
select previous_orders.order_id
from {{ previous_orders }} as previous_orders
inner join ({{ order_source_horizons() }}) as source_horizons
    on previous_orders.source_system = source_horizons.source_system
where previous_orders.delivery_status = 'in_transit'
    and (
        (
            previous_orders.is_late is null
            and previous_orders.promised_delivery_at
                < {{ dbt.dateadd('day', 2, 'source_horizons.source_updated_until') }}
        )
        or (
            previous_orders.is_late
            and previous_orders.promised_delivery_at
                >= {{ dbt.dateadd('day', -2, 'source_horizons.source_updated_until') }}
        )
    )
{%- endif %}
