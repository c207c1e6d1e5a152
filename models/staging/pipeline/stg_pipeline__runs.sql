{#- One row per pipeline run from the run history (source `pipeline.runs`); empty before the first run. -#}
{%- if pipeline_runs_exist() %}
with

source as (
    select * from {{ source('pipeline', 'runs') }}
),

renamed as (
    select
        run_id,
        command,
        status,
        {{ to_utc('started_at') }} as started_at,
        {{ to_utc('finished_at') }} as finished_at,
        cast(duration_ms / 1000 as double) as duration_seconds,
        coalesce(quarantined, 0) as quarantined,
        coalesce(len(warnings), 0) as warning_count,
        error
    from source
)

select * from renamed
{%- else %}
{{ empty_relation_from_contract() }}
{%- endif %}
