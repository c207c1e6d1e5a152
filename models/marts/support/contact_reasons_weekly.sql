{#- Contact reasons by week x category x market x product (docs block `contact_reason_trend`): conversations,
    their share of the week's conversations in the market, and the change against the previous week. The product
    is the main product (largest line) of the order the conversation is linked to, else `unknown`. -#}
with

conversations as (
    select * from {{ ref('fct_conversations') }}
),

order_lines as (
    select * from {{ ref('fct_order_lines') }}
),

-- the largest line of each order a conversation is linked to (a tie: the first line id), found by arg_min over a
-- row value, which compares field by field with nulls last like the sort, instead of a window over every line
main_products as (
    select
        order_id,
        arg_min(product_id, (-line_amount, order_line_id)) as product_id,
        arg_min(product_title, (-line_amount, order_line_id)) as product_title
    from order_lines
    where order_id in (select order_id from conversations)
    group by 1
),

conversation_cells as (
    select
        cast({{ dbt.date_trunc('week', 'conversations.created_date') }} as date) as week_start_date,
        conversations.issue_category,
        coalesce(conversations.market_code, 'unknown') as market_code,
        coalesce(main_products.product_id, 'unknown') as product_id,
        coalesce(main_products.product_title, 'unknown') as product_title,
        conversations.conversation_id,
        conversations.is_solved,
        conversations.is_one_touch,
        conversations.first_response_seconds,
        conversations.is_csat_rated,
        conversations.is_csat_satisfied
    from conversations
    left join main_products
        on conversations.order_id = main_products.order_id
),

weekly as (
    select
        week_start_date,
        issue_category,
        market_code,
        product_id,
        min(product_title) as product_title,
        count(*) as conversations,
        count(case when is_solved then 1 end) as conversations_solved,
        count(case when is_one_touch then 1 end) as conversations_one_touch,
        avg(first_response_seconds) as avg_first_response_seconds,
        count(case when is_csat_rated then 1 end) as csat_rated,
        count(case when is_csat_satisfied then 1 end) as csat_satisfied
    from conversation_cells
    group by 1, 2, 3, 4
),

market_weeks as (
    select
        week_start_date,
        market_code,
        count(*) as market_conversations
    from conversation_cells
    group by 1, 2
),

with_previous as (
    select
        weekly.*,
        market_weeks.market_conversations,
        previous_week.conversations as previous_week_conversations,
        previous_market_week.market_conversations as previous_week_market_conversations
    from weekly
    inner join market_weeks
        on weekly.week_start_date = market_weeks.week_start_date
        and weekly.market_code = market_weeks.market_code
    left join weekly as previous_week
        on previous_week.week_start_date = {{ dbt.dateadd('week', -1, 'weekly.week_start_date') }}
        and previous_week.issue_category = weekly.issue_category
        and previous_week.market_code = weekly.market_code
        and previous_week.product_id = weekly.product_id
    left join market_weeks as previous_market_week
        on previous_market_week.week_start_date = {{ dbt.dateadd('week', -1, 'weekly.week_start_date') }}
        and previous_market_week.market_code = weekly.market_code
),

final as (
    select
        week_start_date,
        issue_category,
        market_code,
        product_id,
        product_title,
        conversations,
        conversations_solved,
        conversations_one_touch,
        avg_first_response_seconds,
        csat_rated,
        csat_satisfied,
        market_conversations,
        cast(conversations as double) / market_conversations as share_of_market_conversations,
        coalesce(previous_week_conversations, 0) as previous_week_conversations,
        conversations - coalesce(previous_week_conversations, 0) as change_vs_previous_week,
        cast(conversations - previous_week_conversations as double) / nullif(previous_week_conversations, 0)
            as change_pct_vs_previous_week,
        cast(conversations as double) / market_conversations
            - cast(coalesce(previous_week_conversations, 0) as double)
                / nullif(previous_week_market_conversations, 0) as share_change_vs_previous_week
    from with_previous
)

select * from final
