{#- How specific an SLA policy is, from its priority, channel and market columns ('*' = any): the policy that
    matches a conversation with the highest score wins. More non-wildcard fields win; among as many, a policy
    naming the priority beats one naming the channel, which beats one naming the market.
    Score = 8 x (fields set) + 4 (priority set) + 2 (channel set) + 1 (market set), 0 to 31. -#}
{% macro sla_policy_specificity(priority, channel, market_code) -%}
    (
        (case when {{ priority }} != '*' then 12 else 0 end)
        + (case when {{ channel }} != '*' then 10 else 0 end)
        + (case when {{ market_code }} != '*' then 9 else 0 end)
    )
{%- endmacro %}
