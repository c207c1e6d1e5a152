{#- Conversation x helpdesk tag, so BI tools can filter and count by tag without list columns. -#}
with

conversation_tags as (
    select * from {{ ref('int_conversation_tags_unnested') }}
),

final as (
    select
        conversation_tag_id,
        conversation_id,
        tag
    from conversation_tags
)

select * from final
