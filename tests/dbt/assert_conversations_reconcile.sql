-- Every demo ticket in the lake is one conversation in staging, in fct_conversations and in the daily mart:
-- returns a row (a failure) when the four counts disagree.
with

lake as (
    select count(distinct id) as conversations from {{ source('demo', 'tickets') }}
),

staging as (
    select count(*) as conversations from {{ ref('stg_demo__tickets') }}
),

facts as (
    select count(*) as conversations from {{ ref('fct_conversations') }}
),

mart as (
    select coalesce(sum(conversations), 0) as conversations from {{ ref('support_kpis_daily') }}
)

select
    lake.conversations as lake_conversations,
    staging.conversations as staging_conversations,
    facts.conversations as fact_conversations,
    mart.conversations as mart_conversations
from lake
cross join staging
cross join facts
cross join mart
where lake.conversations != staging.conversations
    or staging.conversations != facts.conversations
    or facts.conversations != mart.conversations
