{#- A table, not a view: unnesting the audits' events is the costliest read of the lake, and its tests and
    int_status_changes_unioned would each repeat it. -#}
{{ config(materialized='table') }}
{{ stage_zendesk_ticket_status_changes('zendesk') }}
