{{ stage_zendesk_tickets('demo') }}
