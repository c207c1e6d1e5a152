{#- Messages of helpdesk conversations exported from other tools (file contract `messages`): one row per message,
    the current file versions only. The author is identified by e-mail, else by name; a customer message without
    either is the conversation's customer's, an agent's, bot's or system notice's without either is the unnamed
    `agent` / `bot` / `system` of that helpdesk. -#}
with

source as (
    {{ files_current_rows('messages', 'helpdesk, message_id') }}
),

conversations as (
    select * from {{ ref('stg_files__conversations') }}
),

renamed as (
    select
        lower(source.helpdesk) || ':' || source.message_id as message_id,
        source.message_id as source_message_id,
        lower(source.helpdesk) || ':' || source.conversation_id as conversation_id,
        lower(source.helpdesk) as helpdesk,
        source.author_role,
        coalesce(
            lower(trim(source.author_email)),
            lower(trim(source.author_name)),
            case when source.author_role = 'customer' then conversations.requester_key else source.author_role end
        ) as author_key,
        source.author_name,
        lower(trim(source.author_email)) as author_email,
        -- a system notice (an auto-reply, "ticket closed") neither answers the customer nor is a bot's reply
        coalesce(source.is_public, true) and source.author_role <> 'system' as is_public,
        source.created_at,
        source.body,
        source._file,
        source._line,
        source._load_id,
        source._extracted_at
    from source
    left join conversations
        on lower(source.helpdesk) || ':' || source.conversation_id = conversations.conversation_id
)

select * from renamed
