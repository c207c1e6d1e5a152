{{ stage_zendesk_groups('demo') }}
