{#- The SLA policies (seed sla_policies), one row per policy, with the specificity that decides which policy a
    conversation takes. -#}
{{ config(tags=['built_from_seeds']) }}
with

sla_policies as (
    select * from {{ ref('sla_policies') }}
),

final as (
    select
        sla_policy_id,
        policy_name,
        priority,
        channel,
        market_code,
        first_response_target_minutes,
        response_target_minutes,
        time_basis,
        {{ sla_policy_specificity('priority', 'channel', 'market_code') }} as specificity_score,
        description
    from sla_policies
)

select * from final
