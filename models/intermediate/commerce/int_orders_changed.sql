{{ config(materialized='table') }}
{#- The orders an incremental build of fct_order_lines rebuilds: every order a lake load after the last complete
    build touched (docs block `incremental_builds`). Empty in a full build, which rebuilds everything. fct_orders,
    whose lateness depends on how far the data reaches, rebuilds int_orders_remeasured: these and the orders
    in transit whose lateness may have changed.

    - the orders whose records landed since (int_orders_landed: an order record with its lines, fulfillments
      and refunds, a return of it, an order or return in a file read since);
    - orders sharing platform and number with one of these (a return without an order id goes to one of them);
    - orders of the last build that no longer exist.
    Without a recorded complete build (dbt run by hand on a warehouse built before) it lists every order. -#}
{%- set previous_orders = previous_build_of('fct_orders') %}

{%- set mode = changed_keys_mode([previous_orders]) %}

{%- if mode == 'incremental' %}

with

orders as (
    select * from {{ ref('int_orders_unioned') }}
),

touched as (
    select order_id from {{ ref('int_orders_landed') }}
),

same_numbers as (
    select orders.order_id
    from orders
    inner join orders as touched_orders
        on orders.platform = touched_orders.platform
        and orders.order_number = touched_orders.order_number
    where touched_orders.order_id in (select order_id from touched)
),

gone as (
    select order_id
    from {{ previous_orders }}
    where order_id not in (select order_id from orders)
)

select order_id from touched
union
select order_id from same_numbers
union
select order_id from gone

{%- elif mode == 'empty' %}

{{ empty_relation_from_contract() }}

{%- else %}

select order_id from {{ ref('int_orders_unioned') }}
union
select order_id from {{ previous_orders }}

{%- endif %}
