{{ stage_zendesk_groups('zendesk') }}
