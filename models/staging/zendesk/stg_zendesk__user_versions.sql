{{ stage_zendesk_user_versions('zendesk') }}
