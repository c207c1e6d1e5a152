{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- The order number each conversation is about, when it says: first the helpdesk field, then a tag, then the
    subject or first message, matched with the platform's format (seeds/order_number_formats.csv). A number in
    the conversation's own platform's format wins over another platform's. Docs block `conversation_order_link`.
    Incremental: an incremental build searches the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
{%- set order_number_patterns = seed_values('order_number_formats', 'order_number_pattern') %}

with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

conversation_tags as (
    select * from {{ ref('int_conversation_tags_unnested') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

order_number_formats as (
    select * from {{ ref('order_number_formats') }}
),

tag_texts as (
    select
        conversation_id,
        string_agg(tag, ' ') as tag_text
    from conversation_tags
    group by 1
),

candidates as (
    select
        conversations.conversation_id,
        order_number_formats.platform as format_platform,
        case when order_number_formats.platform = conversations.platform then 0 else 1 end as platform_rank,
        -- each pattern of the seed written in as a constant (specialise_on): compiled once, not once per row
        {% call(pattern) specialise_on('order_number_formats.order_number_pattern', order_number_patterns) -%}
            nullif(regexp_extract(coalesce(tag_texts.tag_text, ''), {{ pattern }}), '')
        {%- endcall %} as tag_order_number,
        {% call(pattern) specialise_on('order_number_formats.order_number_pattern', order_number_patterns) -%}
            nullif(
                regexp_extract(
                    coalesce(conversations.subject, '') || ' ' || coalesce(conversations.description, ''),
                    {{ pattern }}
                ),
                ''
            )
        {%- endcall %} as text_order_number
    from conversations
    cross join order_number_formats
    left join tag_texts
        on conversations.conversation_id = tag_texts.conversation_id
    -- the field wins (final): search tags and text only where it is empty
    where nullif(trim(conversations.order_number), '') is null
),

best_tag as (
    select
        conversation_id,
        tag_order_number
    from candidates
    where tag_order_number is not null
    qualify row_number() over (partition by conversation_id order by platform_rank, format_platform) = 1
),

best_text as (
    select
        conversation_id,
        text_order_number
    from candidates
    where text_order_number is not null
    qualify row_number() over (partition by conversation_id order by platform_rank, format_platform) = 1
),

final as (
    select
        conversations.conversation_id,
        coalesce(
            nullif(trim(conversations.order_number), ''),
            best_tag.tag_order_number,
            best_text.text_order_number
        ) as order_number,
        case
            when nullif(trim(conversations.order_number), '') is not null then 'field'
            when best_tag.tag_order_number is not null then 'tag'
            when best_text.text_order_number is not null then 'text'
        end as order_number_source
    from conversations
    left join best_tag
        on conversations.conversation_id = best_tag.conversation_id
    left join best_text
        on conversations.conversation_id = best_text.conversation_id
)

select * from final
