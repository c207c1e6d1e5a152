-- CSAT agrees between layers: conversations with an answered survey in the lake (good/bad) = rated
-- conversations in fct_conversations = csat_rated summed in support_kpis_daily; likewise satisfied. A row is
-- a failure.
with

lake as (
    select
        count(distinct case when score in ('good', 'bad') then ticket_id end) as rated,
        count(distinct case when score = 'good' then ticket_id end) as satisfied
    from {{ ref('stg_demo__satisfaction_ratings') }}
),

facts as (
    select
        count(case when is_csat_rated then 1 end) as rated,
        count(case when is_csat_satisfied then 1 end) as satisfied
    from {{ ref('fct_conversations') }}
),

daily as (
    select
        coalesce(sum(csat_rated), 0) as rated,
        coalesce(sum(csat_satisfied), 0) as satisfied
    from {{ ref('support_kpis_daily') }}
)

select *
from lake
cross join facts
cross join daily
where lake.rated != facts.rated
    or facts.rated != daily.rated
    or lake.satisfied != facts.satisfied
    or facts.satisfied != daily.satisfied
