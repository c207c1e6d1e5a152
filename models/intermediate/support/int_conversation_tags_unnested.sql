{{ incremental_by_key('conversation_id', 'int_conversations_landed') }}
{#- One row per conversation and helpdesk tag (tags are a list in the sources; BI tools get rows instead).
    `unnest` is DuckDB's list-to-rows; other engines spell it differently (lateral flatten, explode).
    A table kept incrementally: an incremental build rebuilds the tags of the conversations in
    int_conversations_landed (docs block `incremental_builds`). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_landed', 'conversation_id') }}
),

unnested as (
    select distinct
        conversation_id,
        unnest(tags) as tag
    from conversations
),

final as (
    select
        conversation_id || '|' || tag as conversation_tag_id,
        conversation_id,
        tag
    from unnested
    where tag is not null
        and tag <> ''
)

select * from final
