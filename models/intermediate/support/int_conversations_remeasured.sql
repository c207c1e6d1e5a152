{{ config(materialized='table') }}
{#- The conversations an incremental build re-measures (docs block `incremental_builds`): those
    int_conversations_changed lists, and every conversation with a wait still open at the last build, because an
    open wait is measured to the data's latest event, which moves every night. Only the models that depend on
    that time rebuild this set (int_support_waits_timed, fct_conversations, fct_response_events); the models
    before them rebuild int_conversations_changed alone. Empty in a full build, like int_conversations_changed. -#}
{%- set previous_waits = previous_build_of('int_support_waits_timed') %}

select conversation_id from {{ ref('int_conversations_changed') }}
{%- if execute and changed_keys_mode([previous_waits]) == 'incremental' %}
union
select conversation_id from {{ previous_waits }} where ended_at is null
{%- endif %}
