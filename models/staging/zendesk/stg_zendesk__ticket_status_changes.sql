{{ stage_zendesk_ticket_status_changes('zendesk') }}
