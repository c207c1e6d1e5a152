{{ stage_zendesk_users('demo') }}
