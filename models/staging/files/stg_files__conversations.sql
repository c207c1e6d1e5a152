{#- Conversations exported from other helpdesks (file contract `conversations`): one row per conversation, the
    current file versions only. Status and channel in the warehouse's vocabulary (Zendesk's statuses, the channel
    categories); the customer identified by e-mail, else by name, else as the conversation's anonymous customer. -#}
with

source as (
    {{ files_current_rows('conversations', 'helpdesk, conversation_id') }}
),

renamed as (
    select
        lower(helpdesk) || ':' || conversation_id as conversation_id,
        conversation_id as source_conversation_id,
        lower(helpdesk) as helpdesk,
        created_at,
        coalesce(updated_at, solved_at, created_at) as updated_at,
        subject,
        status as exported_status,
        case
            when lower(status) in ('new', 'open', 'pending', 'hold', 'solved', 'closed') then lower(status)
            when lower(status) in ('resolved', 'done', 'completed', 'complete') then 'solved'
            when lower(status) in ('active', 'assigned', 'in progress', 'in_progress', 'reopened', 'unassigned') then 'open'
            when lower(status) in ('waiting', 'waiting on customer', 'waiting_on_customer', 'snoozed', 'on hold', 'on_hold') then 'pending'
            when lower(status) in ('archived', 'spam', 'deleted', 'trash') then 'closed'
            when status is null and solved_at is not null then 'solved'
            when status is null then 'open'
            else 'open'
        end as status,
        lower(channel) as via_channel,
        {{ channel_category('channel') }} as channel,
        upper(marketplace_country) as market_code,
        order_number,
        list_filter(
            list_transform(regexp_split_to_array(coalesce(tags, ''), '[,;|]'), tag -> lower(trim(tag))),
            tag -> tag <> ''
        ) as tags,
        lower(split_part(replace(language, '_', '-'), '-', 1)) as language_code,
        lower(trim(customer_email)) as customer_email,
        customer_name,
        coalesce(lower(trim(customer_email)), lower(trim(customer_name)), 'conversation ' || conversation_id)
            as requester_key,
        lower(trim(assignee)) as assignee_key,
        assignee as assignee_name,
        solved_at,
        csat_rating,
        _file,
        _line,
        _load_id,
        _extracted_at
    from source
)

select * from renamed
