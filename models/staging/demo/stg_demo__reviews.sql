{{ staged_incrementally('demo', 'reviews', "platform || ':' || review_id", 'review_id') }}
{{ stage_review_export(latest_version(source('demo', 'reviews'), 'platform, review_id')) }}
