{#- Customer languages, from the languages seed. -#}
{{ config(tags=['built_from_seeds']) }}
with

languages as (
    select * from {{ ref('languages') }}
),

final as (
    select
        language_code,
        language_name,
        language_name_zh,
        native_name
    from languages
)

select * from final
