{{ stage_zendesk_users('zendesk') }}
