{#- CSAT answers on one scale. Docs block `csat`: good/bad gives 1 or 0 and good is satisfied; 1-5 stars give
    (stars - 1) / 4 and 4 or 5 stars are satisfied; anything else (offered, unoffered, blank) is not rated. -#}
with

ratings as (
    select * from {{ ref('int_satisfaction_ratings_unioned') }}
),

scored as (
    select
        *,
        case
            when score_scale = 'good_bad' and lower(score_text) in ('good', 'good_with_comment') then 1.0
            when score_scale = 'good_bad' and lower(score_text) in ('bad', 'bad_with_comment') then 0.0
            when score_scale = 'stars_1_5' and trim(score_text) in ('1', '2', '3', '4', '5')
                then (cast(trim(score_text) as integer) - 1) / 4.0
        end as normalised_score
    from ratings
),

final as (
    select
        satisfaction_rating_id,
        conversation_id,
        source_system,
        score_scale,
        score_text,
        normalised_score,
        normalised_score is not null as is_rated,
        normalised_score >= 0.75 as is_satisfied,
        rating_comment,
        rating_reason,
        created_at,
        updated_at
    from scored
)

select * from final
