{#- Every CSAT survey answer from every helpdesk source, with the scale it was given on. Zendesk (and the demo)
    rate `good`/`bad` (`offered` = sent, not answered); helpdesk exports carry 1-5 stars. -#}
with

conversations as (
    select * from {{ ref('int_conversations_unioned') }}
),

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_ratings as (
    select * from {{ ref('stg_' ~ system ~ '__satisfaction_ratings') }}
),

{{ system }}_canonical as (
    select
        '{{ system }}-' || cast(satisfaction_rating_id as varchar) as satisfaction_rating_id,
        '{{ system }}-' || cast(ticket_id as varchar) as conversation_id,
        '{{ system }}' as source_system,
        'good_bad' as score_scale,
        score as score_text,
        comment as rating_comment,
        reason as rating_reason,
        created_at,
        updated_at
    from {{ system }}_ratings
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_canonical as (
    select
        '{{ system }}-' || conversation_id || ':csat' as satisfaction_rating_id,
        '{{ system }}-' || conversation_id as conversation_id,
        '{{ system }}' as source_system,
        'stars_1_5' as score_scale,
        cast(csat_rating as varchar) as score_text,
        cast(null as varchar) as rating_comment,
        cast(null as varchar) as rating_reason,
        -- an export gives no rating time: the conversation's solve (else its last update)
        coalesce(solved_at, updated_at) as created_at,
        updated_at
    from {{ ref('stg_' ~ system ~ '__conversations') }}
    where csat_rating is not null
),
{% endfor %}

unioned as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_canonical') }}
)

-- only what belongs to a conversation that exists (not to a deleted ticket)
select * from unioned
where conversation_id in (select conversation_id from conversations)
