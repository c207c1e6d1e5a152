{{ stage_zendesk_ticket_comments('zendesk') }}
