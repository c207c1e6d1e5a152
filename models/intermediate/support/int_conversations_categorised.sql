{{ incremental_by_key('conversation_id', 'int_conversations_changed') }}
{#- One primary contact reason per conversation. Docs block `issue_category`: a helpdesk tag equal to a category
    code wins; otherwise a keyword of seeds/issue_category_keywords.csv (any language) found in the subject or
    first message; otherwise `other`. Several matches: the category with the lowest `match_precedence`.
    Incremental: an incremental build rebuilds the conversations in int_conversations_changed (docs block
    `incremental_builds`). -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

conversation_tags as (
    select * from {{ ref('int_conversation_tags_unnested') }}
    where {{ only_changed('conversation_id', 'int_conversations_changed', 'conversation_id') }}
),

issue_categories as (
    select * from {{ ref('issue_categories') }}
),

issue_category_keywords as (
    select * from {{ ref('issue_category_keywords') }}
),

tagged as (
    select
        conversation_tags.conversation_id,
        issue_categories.issue_category,
        issue_categories.match_precedence
    from conversation_tags
    inner join issue_categories
        on lower(conversation_tags.tag) = issue_categories.issue_category
),

best_tag as (
    select
        conversation_id,
        issue_category
    from tagged
    qualify row_number() over (partition by conversation_id order by match_precedence) = 1
),

conversation_texts as (
    select
        conversation_id,
        lower(coalesce(subject, '') || ' ' || coalesce(description, '')) as conversation_text
    from conversations
),

keyword_hits as (
    select
        conversation_texts.conversation_id,
        issue_categories.issue_category,
        issue_categories.match_precedence
    from conversation_texts
    inner join issue_category_keywords
        on {{ dbt.position('lower(issue_category_keywords.keyword)', 'conversation_texts.conversation_text') }} > 0
    inner join issue_categories
        on issue_category_keywords.issue_category = issue_categories.issue_category
),

best_keyword as (
    select
        conversation_id,
        issue_category
    from keyword_hits
    qualify row_number() over (partition by conversation_id order by match_precedence) = 1
),

final as (
    select
        conversations.conversation_id,
        coalesce(best_tag.issue_category, best_keyword.issue_category, 'other') as issue_category,
        case
            when best_tag.issue_category is not null then 'tag'
            when best_keyword.issue_category is not null then 'keyword'
            else 'default'
        end as issue_category_source
    from conversations
    left join best_tag
        on conversations.conversation_id = best_tag.conversation_id
    left join best_keyword
        on conversations.conversation_id = best_keyword.conversation_id
)

select * from final
