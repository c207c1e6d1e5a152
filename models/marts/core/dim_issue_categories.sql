{#- Contact reasons (issue categories), from the issue_categories seed. -#}
{{ config(tags=['built_from_seeds']) }}
with

issue_categories as (
    select * from {{ ref('issue_categories') }}
),

final as (
    select
        issue_category,
        category_name,
        category_name_zh,
        match_precedence,
        description
    from issue_categories
)

select * from final
