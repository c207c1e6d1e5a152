{#- One row per source stream ever extracted: when it was last extracted successfully, when it last brought new
    records, and how long ago that was, measured from the start of the latest run (not the clock, so a rebuild
    gives the same figures). A stream not extracted for var('stale_after_hours') hours is stale: its source was
    not in the recent runs, or its extract failed since. -#}
with

runs as (
    select * from {{ ref('stg_pipeline__runs') }}
),

items as (
    select * from {{ ref('stg_pipeline__run_items') }}
),

extracts as (
    select
        items.item_name as stream,
        split_part(items.item_name, '.', 1) as source_name,
        runs.run_id,
        runs.started_at,
        items.row_count,
        items.quarantined
    from items
    inner join runs
        on items.run_id = runs.run_id
    where items.step = 'extract'
        and items.step_status = 'success'
),

as_of as (
    select max(started_at) as as_of from runs
),

latest as (
    select *
    from extracts
    qualify row_number() over (partition by stream order by started_at desc, run_id desc) = 1
),

totals as (
    select
        stream,
        count(*) as extract_runs,
        max(case when row_count > 0 then started_at end) as last_new_records_at,
        sum(row_count) as rows_extracted_total,
        sum(quarantined) as quarantined_total
    from extracts
    group by 1
),

final as (
    select
        latest.stream,
        latest.source_name,
        latest.started_at as last_extracted_at,
        latest.run_id as last_run_id,
        latest.row_count as last_run_rows,
        latest.quarantined as last_run_quarantined,
        totals.last_new_records_at,
        totals.extract_runs,
        totals.rows_extracted_total,
        totals.quarantined_total,
        as_of.as_of,
        round({{ seconds_between('latest.started_at', 'as_of.as_of') }} / 3600.0, 1) as hours_since_extracted,
        {{ seconds_between('latest.started_at', 'as_of.as_of') }} > {{ var('stale_after_hours') }} * 3600 as is_stale
    from latest
    inner join totals
        on latest.stream = totals.stream
    cross join as_of
)

select * from final
