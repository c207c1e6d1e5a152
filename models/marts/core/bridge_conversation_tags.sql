{{ incremental_by_key('conversation_id', 'int_conversations_landed') }}
{#- Conversation x helpdesk tag, so BI tools can filter and count by tag without list columns.
    Incremental: an incremental build rebuilds the tags of the conversations in int_conversations_landed (docs
    block `incremental_builds`). -#}
with

conversation_tags as (
    select * from {{ ref('int_conversation_tags_unnested') }}
    where {{ only_changed('conversation_id', 'int_conversations_landed', 'conversation_id') }}
),

final as (
    select
        conversation_tag_id,
        conversation_id,
        tag
    from conversation_tags
)

select * from final
