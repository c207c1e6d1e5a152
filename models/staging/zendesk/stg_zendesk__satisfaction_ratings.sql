{{ stage_zendesk_satisfaction_ratings('zendesk') }}
