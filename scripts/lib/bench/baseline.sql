-- The benchmark's bare-DuckDB baseline (npm run bench): the same reading of the demo lake and the same core
-- aggregations as the warehouse (latest version of each record, messages classified by their author's role,
-- first response per conversation, first solve from the status changes, orders with their lines and refunds,
-- reviews, returns, and a daily KPI table per market), written by hand in plain SQL without dbt, tests, business
-- time, currency conversion or the BI marts. `{{lake}}` is replaced by the lake's folder.

create or replace table tickets as
select * from read_parquet('{{lake}}/raw/demo/tickets/*/*.parquet', union_by_name = true)
qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1;

create or replace table users as
select * from read_parquet('{{lake}}/raw/demo/users/*/*.parquet', union_by_name = true)
qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc, updated_at desc) = 1;

create or replace table messages as
select
    c.id as message_id,
    c.ticket_id,
    c.author_id,
    c.public as is_public,
    cast(cast(c.created_at as timestamptz) at time zone 'UTC' as timestamp) as created_at,
    case when u.role in ('agent', 'admin') then 'agent' else 'customer' end as author_type,
    c.body
from (
    select * from read_parquet('{{lake}}/raw/demo/ticket_comments/*/*.parquet', union_by_name = true)
    qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1
) as c
left join users as u
    on c.author_id = u.id;

create or replace table status_changes as
select
    a.ticket_id,
    cast(cast(a.created_at as timestamptz) at time zone 'UTC' as timestamp) as changed_at,
    e.value ->> 'value' as new_status
from (
    select * from read_parquet('{{lake}}/raw/demo/ticket_audits/*/*.parquet', union_by_name = true)
    qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1
) as a,
    json_each(a.events) as e
where e.value ->> 'field_name' = 'status';

create or replace table conversations as
with first_customer as (
    select ticket_id, min(created_at) as asked_at
    from messages
    where author_type = 'customer' and is_public
    group by 1
),
first_reply as (
    select m.ticket_id, min(m.created_at) as replied_at
    from messages as m
    inner join first_customer as f
        on m.ticket_id = f.ticket_id and m.created_at >= f.asked_at
    where m.author_type = 'agent' and m.is_public
    group by 1
),
solves as (
    select ticket_id, min(changed_at) as first_solved_at, count(*) as solve_count
    from status_changes
    where new_status = 'solved'
    group by 1
),
counts as (
    select
        ticket_id,
        count(*) filter (where author_type = 'customer') as customer_messages,
        count(*) filter (where author_type = 'agent' and is_public) as agent_replies
    from messages
    group by 1
)
select
    t.id as conversation_id,
    cast(cast(t.created_at as timestamptz) at time zone 'UTC' as timestamp) as created_at,
    t.status,
    t.group_id,
    date_diff('second', f.asked_at, r.replied_at) as first_response_seconds,
    date_diff('second', cast(cast(t.created_at as timestamptz) at time zone 'UTC' as timestamp), s.first_solved_at) as first_resolution_seconds,
    coalesce(s.solve_count, 0) as solve_count,
    coalesce(c.customer_messages, 0) as customer_messages,
    coalesce(c.agent_replies, 0) as agent_replies
from tickets as t
left join first_customer as f on t.id = f.ticket_id
left join first_reply as r on t.id = r.ticket_id
left join solves as s on t.id = s.ticket_id
left join counts as c on t.id = c.ticket_id
where t.status <> 'deleted';

create or replace table orders as
select
    o.id as order_id,
    o.name as order_number,
    upper(o.shipping_address ->> 'country_code') as market_code,
    o.currency,
    cast(o.total_price as decimal(18, 2)) as total_amount,
    cast(cast(o.created_at as timestamptz) at time zone 'UTC' as timestamp) as ordered_at,
    o.cancelled_at is not null as is_cancelled,
    o.line_items,
    o.refunds,
    o.fulfillments
from read_parquet('{{lake}}/raw/demo/orders/*/*.parquet', union_by_name = true) as o
qualify row_number() over (partition by o.id order by o._extracted_at desc, o._load_id desc) = 1;

create or replace table order_lines as
select
    order_id,
    unnest(from_json(line_items, '[{"id": "BIGINT", "sku": "VARCHAR", "quantity": "BIGINT", "price": "VARCHAR"}]'), recursive := true)
from orders;

create or replace table refunds as
select order_id, r.id as refund_id, cast(cast(r.created_at as timestamptz) at time zone 'UTC' as timestamp) as refunded_at,
    (select sum(cast(t.amount as decimal(18, 2))) from unnest(r.transactions) as u(t) where t.kind = 'refund') as refund_amount
from (
    select order_id, unnest(from_json(refunds, '[{"id": "BIGINT", "created_at": "VARCHAR", "transactions": [{"kind": "VARCHAR", "amount": "VARCHAR"}]}]')) as r
    from orders
);

create or replace table reviews as
select
    platform || ':' || review_id as review_id,
    order_number,
    rating,
    upper(marketplace_country) as market_code,
    cast(cast(created_at as timestamptz) at time zone 'UTC' as timestamp) as created_at
from read_parquet('{{lake}}/raw/demo/reviews/*/*.parquet', union_by_name = true)
qualify row_number() over (partition by platform, review_id order by _extracted_at desc, _load_id desc) = 1;

create or replace table returns as
select id as return_id, order_id, status, cast(cast(created_at as timestamptz) at time zone 'UTC' as timestamp) as requested_at
from read_parquet('{{lake}}/raw/demo/returns/*/*.parquet', union_by_name = true)
qualify row_number() over (partition by id order by _extracted_at desc, _load_id desc) = 1;

create or replace table kpis_daily as
with support as (
    select cast(created_at as date) as day, count(*) as conversations, avg(first_response_seconds) as avg_first_response_seconds,
        avg(case when solve_count > 0 then first_resolution_seconds end) as avg_first_resolution_seconds
    from conversations
    group by 1
),
sales as (
    select cast(ordered_at as date) as day, market_code, count(*) as orders, sum(total_amount) as revenue
    from orders
    where not is_cancelled
    group by 1, 2
),
refunded as (
    select cast(refunded_at as date) as day, sum(refund_amount) as refunded
    from refunds
    group by 1
),
rated as (
    select cast(created_at as date) as day, market_code, count(*) as reviews, avg(rating) as avg_rating
    from reviews
    group by 1, 2
)
select
    coalesce(sales.day, rated.day) as day,
    coalesce(sales.market_code, rated.market_code) as market_code,
    sales.orders,
    sales.revenue,
    rated.reviews,
    rated.avg_rating,
    support.conversations,
    support.avg_first_response_seconds,
    support.avg_first_resolution_seconds,
    refunded.refunded
from sales
full join rated on sales.day = rated.day and sales.market_code = rated.market_code
left join support on coalesce(sales.day, rated.day) = support.day
left join refunded on coalesce(sales.day, rated.day) = refunded.day;
