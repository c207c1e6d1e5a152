{{ config(materialized='table') }}
{#- The conversations an incremental build of int_conversations_unioned (and bridge_conversation_tags) rebuilds:
    every conversation whose records a lake load after the last complete build brought, or that is gone since
    (docs block `incremental_builds`). Empty in a full build, which rebuilds everything. int_conversations_changed
    widens it for the conversation models.

    - the ticket, a comment, an audit (status change) or a CSAT rating of it landed since;
    - a user landed since who asked it or wrote in it (their e-mail links orders, their role at the time
      classifies messages);
    - for `files`: every conversation or message in a file read since (all versions of the file);
    - a conversation of the last build that is no longer one (its ticket deleted, or a snapshot replaced
      without it).
    Without a recorded complete build (dbt run by hand on a warehouse built before) it lists every conversation. -#}
{%- set since = changed_since_load_id() %}
{%- set previous_conversations = previous_build_of('int_conversations_unioned') %}

{%- set mode = changed_keys_mode([previous_conversations]) %}

{%- if mode == 'empty' %}

{{ empty_relation_from_contract() }}

{%- else %}

with

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_conversations_current as (
    select '{{ system }}-' || cast(ticket_id as varchar) as conversation_id
    from {{ ref('stg_' ~ system ~ '__tickets') }}
    where status is distinct from 'deleted'
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_conversations_current as (
    select '{{ system }}-' || conversation_id as conversation_id
    from {{ ref('stg_' ~ system ~ '__conversations') }}
),
{% endfor %}

current_conversations as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_conversations_current') }}
)

{%- if mode == 'incremental' %},

{%- for system in sources_shaped_like('zendesk') %}

{{ system }}_users_changed as (
    select id as user_id
    from {{ source(system, 'users') }}
    where _load_id > '{{ since }}'
),

{{ system }}_touched as (
    {#- stream, its ticket id column, and the user whose change touches the ticket #}
    {%- for stream, ticket_column, user_column in [
        ('tickets', 'id', 'requester_id'),
        ('ticket_comments', 'ticket_id', 'author_id'),
        ('ticket_audits', 'ticket_id', 'author_id'),
        ('satisfaction_ratings', 'ticket_id', none),
    ] %}
    select {{ ticket_column }} as ticket_id
    from {{ source(system, stream) }}
    where _load_id > '{{ since }}'
        {%- if user_column %}
        or {{ user_column }} in (select user_id from {{ system }}_users_changed)
        {%- endif %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

{{ system }}_conversations_touched as (
    select '{{ system }}-' || cast(ticket_id as varchar) as conversation_id
    from {{ system }}_touched
),
{% endfor %}

{%- for system in sources_shaped_like('helpdesk_export') %}

{{ system }}_files_read_since as (
    select distinct _file
    from {{ source(system, '_files') }}
    where _load_id > '{{ since }}'
),

{{ system }}_conversations_touched as (
    select '{{ system }}-' || lower(helpdesk) || ':' || conversation_id as conversation_id
    from {{ source(system, 'conversations') }}
    where _file in (select _file from {{ system }}_files_read_since)
    union all
    select '{{ system }}-' || lower(helpdesk) || ':' || conversation_id
    from {{ source(system, 'messages') }}
    where _file in (select _file from {{ system }}_files_read_since)
),
{% endfor %}

touched as (
    {{ union_branches(sources_shaped_like('zendesk') + sources_shaped_like('helpdesk_export'), '_conversations_touched') }}
),

gone as (
    select conversation_id
    from {{ previous_conversations }}
    where conversation_id not in (select conversation_id from current_conversations)
)

select conversation_id from touched
union
select conversation_id from gone

{%- else %}

select conversation_id from {{ previous_conversations }}
union
select conversation_id from current_conversations

{%- endif %}

{%- endif %}
