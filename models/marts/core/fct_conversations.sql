{{ incremental_by_key('conversation_id', 'int_conversations_remeasured') }}
{#- int_customers_changed reads this table's previous build: it must run first -#}
{%- do ref('int_customers_changed') %}
{#- One row per support conversation: first response, every response, resolution, CSAT and contact reason.
    Definitions: docs blocks in _core__docs.md.
    Incremental: an incremental build rebuilds the conversations in int_conversations_remeasured (docs block
    `incremental_builds`). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

messages as (
    select
        conversation_id,
        message_id,
        author_id,
        author_type,
        is_public,
        created_at
    from {{ ref('int_messages_classified') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

responses as (
    select * from {{ ref('int_responses_paired') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

resolutions as (
    select * from {{ ref('int_conversations_resolved') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

satisfaction_ratings as (
    select * from {{ ref('int_satisfaction_ratings_normalised') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

categories as (
    select * from {{ ref('int_conversations_categorised') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

waits_timed as (
    select * from {{ ref('int_support_waits_timed') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

order_links as (
    select * from {{ ref('int_conversations_linked_to_orders') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

business_times as (
    select
        conversation_id,
        min(schedule_id) as schedule_id,
        max(case when wait_kind = 'first_response' then business_seconds end) as first_response_business_seconds,
        avg(case when wait_kind in ('first_response', 'response') then business_seconds end)
            as response_business_seconds_mean,
        max(case when wait_kind = 'first_resolution' then business_seconds end) as first_resolution_business_seconds,
        max(case when wait_kind = 'final_resolution' then business_seconds end) as final_resolution_business_seconds,
        max(case when wait_kind = 'first_response' then sla_policy_id end) as sla_policy_id,
        max(case when wait_kind = 'first_response' then sla_due_at end) as first_response_sla_due_at,
        bool_or(case when wait_kind = 'first_response' then is_sla_breached end) as is_first_response_sla_breached,
        min(case when wait_kind = 'first_response' then sla_breached_at end) as first_response_sla_breached_at,
        count(case when wait_kind in ('first_response', 'response') and is_sla_breached then 1 end)
            as response_sla_breaches,
        min(case when wait_kind in ('first_response', 'response') then sla_breached_at end) as first_sla_breached_at
    from waits_timed
    group by 1
),

first_customer_messages as (
    select
        conversation_id,
        min(created_at) as first_customer_message_at
    from messages
    where author_type = 'customer'
        and is_public
    group by 1
),

first_bot_replies as (
    select
        messages.conversation_id,
        min(messages.created_at) as first_bot_reply_at
    from messages
    inner join first_customer_messages
        on messages.conversation_id = first_customer_messages.conversation_id
    where messages.is_public
        and messages.author_type = 'bot'
        and messages.created_at >= first_customer_messages.first_customer_message_at
    group by 1
),

message_counts as (
    select
        conversation_id,
        count(case when author_type = 'customer' and is_public then 1 end) as customer_message_count,
        count(case when author_type = 'agent' and is_public then 1 end) as agent_reply_count,
        count(case when author_type = 'bot' and is_public then 1 end) as bot_reply_count,
        count(case when not is_public then 1 end) as internal_note_count,
        count(distinct case when author_type = 'agent' and is_public then author_id end) as agents_replied_count
    from messages
    group by 1
),

first_messages as (
    -- the first message in message_order() (a row value compares field by field, nulls last like the sort)
    select
        conversation_id,
        arg_min(author_type, ({{ message_order() }})) as first_message_author_type
    from messages
    group by 1
),

first_responses as (
    select
        conversation_id,
        replied_at as first_agent_reply_at,
        replied_by_agent_id as first_reply_agent_id,
        response_seconds as first_response_seconds
    from responses
    where is_first_response
),

response_stats as (
    select
        conversation_id,
        count(*) as response_wait_count,
        count(case when response_status = 'replied' then 1 end) as replied_wait_count,
        count(case when response_status = 'awaiting' then 1 end) as awaiting_wait_count,
        avg(response_seconds) as response_seconds_mean,
        percentile_cont(0.5) within group (order by response_seconds) as response_seconds_median,
        percentile_cont(0.9) within group (order by response_seconds) as response_seconds_p90,
        max(response_seconds) as response_seconds_max
    from responses
    group by 1
),

latest_ratings as (
    select
        conversation_id,
        score_text as csat_score,
        normalised_score as csat_normalised_score,
        is_rated as is_csat_rated,
        is_satisfied as is_csat_satisfied
    from satisfaction_ratings
    qualify row_number() over (partition by conversation_id order by updated_at desc, satisfaction_rating_id desc) = 1
),

final as (
    select
        conversations.conversation_id,
        conversations.source_system,
        conversations.source_conversation_id,
        conversations.created_at,
        cast(conversations.created_at as date) as created_date,
        conversations.updated_at,
        conversations.status,
        conversations.is_solved,
        conversations.priority,
        conversations.channel,
        conversations.via_channel,
        conversations.market_code,
        conversations.platform,
        conversations.language_code,
        conversations.order_number,
        order_links.order_id,
        order_links.order_link_method,
        {{ customer_key('order_links.requester_email', 'conversations.requester_id') }} as customer_key,
        conversations.requester_id,
        conversations.assignee_id,
        conversations.group_id,
        categories.issue_category,
        categories.issue_category_source,
        coalesce(first_messages.first_message_author_type = 'agent', false) as is_agent_created,

        -- first response (human) and bot
        first_customer_messages.first_customer_message_at,
        first_responses.first_agent_reply_at,
        first_responses.first_reply_agent_id,
        first_bot_replies.first_bot_reply_at,
        first_responses.first_response_seconds,
        {{ seconds_between('first_customer_messages.first_customer_message_at', 'first_bot_replies.first_bot_reply_at') }}
            as first_bot_reply_seconds,
        case
            when first_bot_replies.first_bot_reply_at < first_responses.first_agent_reply_at
                then {{ seconds_between('first_bot_replies.first_bot_reply_at', 'first_responses.first_agent_reply_at') }}
        end as handoff_wait_seconds,
        first_responses.first_agent_reply_at is not null as has_agent_reply,
        first_bot_replies.first_bot_reply_at is not null as has_bot_reply,
        first_bot_replies.first_bot_reply_at is not null
            and coalesce(message_counts.agent_reply_count, 0) = 0 as is_bot_only,

        -- every response
        coalesce(response_stats.response_wait_count, 0) as response_wait_count,
        coalesce(response_stats.replied_wait_count, 0) as replied_wait_count,
        coalesce(response_stats.awaiting_wait_count, 0) as awaiting_wait_count,
        coalesce(response_stats.awaiting_wait_count, 0) > 0 as is_awaiting_reply,
        response_stats.response_seconds_mean,
        response_stats.response_seconds_median,
        response_stats.response_seconds_p90,
        response_stats.response_seconds_max,

        -- resolution
        resolutions.first_solved_at,
        resolutions.final_solved_at,
        {{ seconds_between('conversations.created_at', 'resolutions.first_solved_at') }} as first_resolution_seconds,
        {{ seconds_between('conversations.created_at', 'resolutions.final_solved_at') }} as final_resolution_seconds,
        coalesce(resolutions.reopen_count, 0) as reopen_count,
        case
            when not conversations.is_solved then 'unresolved'
            when coalesce(message_counts.agent_reply_count, 0) = 0 then 'no_agent_reply'
            when coalesce(resolutions.reopen_count, 0) > 0 then 'reopened'
            when message_counts.agent_reply_count = 1 then 'one_touch'
            when message_counts.agent_reply_count = 2 then 'two_touch'
            else 'multi_touch'
        end as resolution_type,
        conversations.is_solved
            and coalesce(message_counts.agent_reply_count, 0) = 1
            and coalesce(resolutions.reopen_count, 0) = 0 as is_one_touch,
        conversations.is_solved
            and coalesce(message_counts.agent_reply_count, 0) = 2
            and coalesce(resolutions.reopen_count, 0) = 0 as is_two_touch,

        -- business time and SLA (docs in _core__business_time__docs.md)
        business_times.schedule_id,
        business_times.first_response_business_seconds,
        business_times.response_business_seconds_mean,
        business_times.first_resolution_business_seconds,
        business_times.final_resolution_business_seconds,
        business_times.sla_policy_id,
        business_times.first_response_sla_due_at,
        business_times.is_first_response_sla_breached,
        business_times.first_response_sla_breached_at,
        coalesce(business_times.response_sla_breaches, 0) as response_sla_breaches,
        business_times.first_sla_breached_at,

        -- CSAT
        latest_ratings.csat_score,
        latest_ratings.csat_normalised_score,
        coalesce(latest_ratings.is_csat_rated, false) as is_csat_rated,
        latest_ratings.is_csat_satisfied,
        latest_ratings.conversation_id is not null as is_csat_offered,

        -- volumes
        coalesce(message_counts.customer_message_count, 0) as customer_message_count,
        coalesce(message_counts.agent_reply_count, 0) as agent_reply_count,
        coalesce(message_counts.bot_reply_count, 0) as bot_reply_count,
        coalesce(message_counts.internal_note_count, 0) as internal_note_count,
        coalesce(message_counts.agents_replied_count, 0) as agents_replied_count
    from conversations
    left join first_customer_messages
        on conversations.conversation_id = first_customer_messages.conversation_id
    left join first_bot_replies
        on conversations.conversation_id = first_bot_replies.conversation_id
    left join first_responses
        on conversations.conversation_id = first_responses.conversation_id
    left join response_stats
        on conversations.conversation_id = response_stats.conversation_id
    left join resolutions
        on conversations.conversation_id = resolutions.conversation_id
    left join latest_ratings
        on conversations.conversation_id = latest_ratings.conversation_id
    left join categories
        on conversations.conversation_id = categories.conversation_id
    left join business_times
        on conversations.conversation_id = business_times.conversation_id
    left join order_links
        on conversations.conversation_id = order_links.conversation_id
    left join message_counts
        on conversations.conversation_id = message_counts.conversation_id
    left join first_messages
        on conversations.conversation_id = first_messages.conversation_id
)

select * from final
