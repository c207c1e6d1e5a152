{#- Every CSAT survey answer from every helpdesk source, with the scale it was given on. Zendesk (and the demo)
    rate `good`/`bad` (`offered` = sent, not answered); file exports may carry 1-5 stars. -#}
with

demo_ratings as (
    select * from {{ ref('stg_demo__satisfaction_ratings') }}
),

demo as (
    select
        'demo-' || cast(satisfaction_rating_id as varchar) as satisfaction_rating_id,
        'demo-' || cast(ticket_id as varchar) as conversation_id,
        'demo' as source_system,
        'good_bad' as score_scale,
        score as score_text,
        comment as rating_comment,
        reason as rating_reason,
        created_at,
        updated_at
    from demo_ratings
),

unioned as (
    select * from demo
)

select * from unioned
