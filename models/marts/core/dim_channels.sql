{#- Support channels, from the channels seed. -#}
{{ config(tags=['built_from_seeds']) }}
with

channels as (
    select * from {{ ref('channels') }}
),

final as (
    select
        channel,
        channel_name,
        channel_name_zh,
        is_real_time
    from channels
)

select * from final
