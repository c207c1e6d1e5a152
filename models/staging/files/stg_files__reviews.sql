{{ stage_review_export(files_current_rows('reviews', 'platform, review_id')) }}
