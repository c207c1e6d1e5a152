{#- One row per pipeline run, for a pipeline health page: when each run ran, how long each step took, what it
    extracted and quarantined, how it ended. The run that built this publication is here with status `running`
    and the figures of the steps it had finished (extract); its outcome shows in the next publication. -#}
with

runs as (
    select * from {{ ref('stg_pipeline__runs') }}
),

steps as (
    select * from {{ ref('stg_pipeline__run_steps') }}
),

items as (
    select * from {{ ref('stg_pipeline__run_items') }}
),

step_times as (
    select
        run_id,
        sum(case when step = 'extract' then duration_seconds end) as extract_seconds,
        sum(case when step = 'transform' then duration_seconds end) as transform_seconds,
        max(case when step = 'transform' then detail end) as transform_detail,
        sum(case when step = 'publish' then duration_seconds end) as publish_seconds,
        sum(case when step = 'postgres' then duration_seconds end) as postgres_seconds,
        sum(case when step = 'report' then duration_seconds end) as report_seconds,
        min(case when status = 'failed' then step end) as failed_step
    from steps
    group by 1
),

extracted as (
    select
        run_id,
        count(*) as streams_extracted,
        sum(row_count) as rows_extracted
    from items
    where step = 'extract'
    group by 1
),

final as (
    select
        runs.run_id,
        runs.command,
        runs.status,
        runs.status = 'running' as is_current_run,
        runs.started_at,
        cast(runs.started_at as date) as started_date,
        runs.finished_at,
        round(runs.duration_seconds, 1) as duration_seconds,
        round(step_times.extract_seconds, 1) as extract_seconds,
        round(step_times.transform_seconds, 1) as transform_seconds,
        case
            when step_times.transform_detail like 'incremental%' then 'incremental'
            when step_times.transform_detail is not null then 'full'
        end as transform_mode,
        round(step_times.publish_seconds, 1) as publish_seconds,
        round(step_times.postgres_seconds, 1) as postgres_seconds,
        round(step_times.report_seconds, 1) as report_seconds,
        step_times.failed_step,
        coalesce(extracted.streams_extracted, 0) as streams_extracted,
        coalesce(extracted.rows_extracted, 0) as rows_extracted,
        runs.quarantined,
        runs.warning_count,
        runs.error
    from runs
    left join step_times
        on runs.run_id = step_times.run_id
    left join extracted
        on runs.run_id = extracted.run_id
)

select * from final
