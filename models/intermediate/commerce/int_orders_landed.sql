{{ config(materialized='table') }}
{#- The orders an incremental build of the canonical order tables (int_orders_unioned, int_order_lines_unioned,
    int_fulfillments_unioned, int_fulfillments_summarised_to_orders) rebuilds: every order whose records a lake
    load after the last complete build brought, or that is gone since (docs block `incremental_builds`). Empty in
    a full build, which rebuilds everything. int_orders_changed widens it for the order facts.

    - an order record (with its lines, fulfillments and refunds) or a return of the order landed since;
    - for `files`: every order or return in a file read since (all versions of the file, so a row the new
      version no longer has is rebuilt too);
    - an order of the last build whose source record no longer exists (a snapshot replaced without it).
    Without a recorded complete build (dbt run by hand on a warehouse built before) it lists every order. -#}
{%- set since = changed_since_load_id() %}
{%- set previous_orders = previous_build_of('int_orders_unioned') %}

{%- set mode = changed_keys_mode([previous_orders]) %}

{%- if mode == 'empty' %}

{{ empty_relation_from_contract() }}

{%- else %}

with

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_current as (
    select '{{ system }}-' || cast(order_id as varchar) as order_id
    from {{ ref('stg_' ~ system ~ '__orders') }}
),
{% endfor %}

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_current as (
    select distinct '{{ system }}-' || order_id as order_id
    from {{ ref('stg_' ~ system ~ '__order_lines') }}
),
{% endfor %}

current_orders as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_current') }}
)

{%- if mode == 'incremental' %},

{%- for system in sources_shaped_like('shopify') %}

{{ system }}_touched as (
    select '{{ system }}-' || cast(id as varchar) as order_id
    from {{ source(system, 'orders') }}
    where _load_id > '{{ since }}'
    union all
    select '{{ system }}-' || cast(order_id as varchar)
    from {{ source(system, 'returns') }}
    where _load_id > '{{ since }}'
),
{% endfor %}

{%- for system in sources_shaped_like('commerce_export') %}

{{ system }}_files_read_since as (
    select distinct _file
    from {{ source(system, '_files') }}
    where _load_id > '{{ since }}'
),

{{ system }}_touched as (
    select '{{ system }}-' || {{ platform_code('platform') }} || ':' || order_number as order_id
    from {{ source(system, 'orders') }}
    where _file in (select _file from {{ system }}_files_read_since)
    union all
    select orders.order_id
    from {{ source(system, 'returns') }} as returns
    inner join {{ previous_orders }} as orders
        on {{ platform_code('returns.platform') }} = orders.platform
        and returns.order_number = orders.order_number
    where returns._file in (select _file from {{ system }}_files_read_since)
),
{% endfor %}

touched as (
    {{ union_branches(sources_shaped_like('shopify') + sources_shaped_like('commerce_export'), '_touched') }}
),

gone as (
    select order_id
    from {{ previous_orders }}
    where order_id not in (select order_id from current_orders)
)

select order_id from touched
union
select order_id from gone

{%- else %}

select order_id from {{ previous_orders }}
union
select order_id from current_orders

{%- endif %}

{%- endif %}
