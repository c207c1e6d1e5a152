{#- One row per item of each step of each pipeline run: the streams an extract landed, the models a transform
    built, the tables a publish wrote, with rows, quarantined records and time. -#}
{%- if pipeline_runs_exist() %}
with

source as (
    select * from {{ source('pipeline', 'runs') }}
),

steps as (
    select
        run_id,
        unnest(steps) as step
    from source
),

items as (
    select
        run_id,
        step.step as step,
        step.status as step_status,
        unnest(step.items) as item
    from steps
),

renamed as (
    select
        run_id,
        step,
        step_status,
        item.name as item_name,
        item.rows as row_count,
        coalesce(item.quarantined, 0) as quarantined,
        cast(item.duration_ms / 1000 as double) as duration_seconds
    from items
)

select * from renamed
{%- else %}
{{ empty_relation_from_contract() }}
{%- endif %}
