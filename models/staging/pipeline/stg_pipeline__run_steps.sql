{#- One row per step of each pipeline run (extract, transform, publish, postgres, report), in the order run. -#}
{%- if pipeline_runs_exist() %}
with

source as (
    select * from {{ source('pipeline', 'runs') }}
),

steps as (
    select
        run_id,
        unnest(steps) as step,
        generate_subscripts(steps, 1) as step_number
    from source
),

renamed as (
    select
        run_id,
        cast(step_number as bigint) as step_number,
        step.step as step,
        step.status as status,
        cast(step.duration_ms / 1000 as double) as duration_seconds,
        cast(len(step.items) as bigint) as item_count,
        coalesce(len(step.warnings), 0) as warning_count,
        step.error as error,
        step.detail as detail
    from steps
)

select * from renamed
{%- else %}
{{ empty_relation_from_contract() }}
{%- endif %}
