{{ stage_zendesk_tickets('zendesk') }}
