{#- Every customer wait (int_support_waits) timed in calendar and in business time, with its SLA target, due
    time and breach. Definitions and edge cases: the docs blocks in marts/core/_core__business_time__docs.md.

    - Schedule: the wait's helpdesk group's schedule, else its market's fallback schedule, else the default
      (seed support_schedule_assignments).
    - Business seconds = clock position(end) - clock position(start) on the schedule's business clock
      (int_business_clock, macro business_clock_bucket_position). Instants outside the clock's date spine have no
      position: business figures null.
    - Waits still open are measured to `as_of_at`: per source system, the latest start or end of any of its waits
      (shown on open waits only).
    - Incremental: an incremental build recomputes the waits of the conversations in int_conversations_remeasured
      (the changed ones and every conversation with a wait open at the last build, the ones the as-of time moves).
    - SLA policy: the most specific matching policy (macro sla_policy_specificity); due time in the policy's
      basis: calendar = start + target, business = the instant the clock reaches position(start) + target
      (the inverse lookup on the clock).

    The clock lookups are equality joins on lookup buckets of the clock (macros business_clock_buckets,
    business_clock_bucket_join, business_clock_bucket_position and business_clock_bucket_instant): a hash lookup
    per wait, where as-of joins sorted the millions of waits with every column they carry. Materialised as a
    table: the facts and marts read it several times. -#}
{{ incremental_by_key('conversation_id', 'int_conversations_remeasured') }}

with

-- in an incremental build, the waits of the changed conversations only (docs block `incremental_builds`)
int_support_waits as (
    select * from {{ ref('int_support_waits') }}
    where {{ only_changed('conversation_id', 'int_conversations_remeasured', 'conversation_id') }}
),

int_business_clock as (
    select * from {{ ref('int_business_clock') }}
),

support_schedules as (
    select * from {{ ref('support_schedules') }}
),

support_schedule_assignments as (
    select * from {{ ref('support_schedule_assignments') }}
),

sla_policies as (
    select * from {{ ref('sla_policies') }}
),

-- Open waits are measured up to the latest event the data holds for their source system (the prefix of the
-- warehouse ids): each source is a snapshot taken at its own extraction time.
-- In an incremental build the other conversations' waits are the rows this table keeps (the changed ones were
-- deleted by the pre-hook); their starts and ends do not depend on the as-of time.
source_as_of as (
    select
        {{ dbt.split_part('conversation_id', "'-'", 1) }} as source_system,
        max(coalesce(ended_at, started_at)) as as_of_at
    from (
        select conversation_id, started_at, ended_at from int_support_waits
        {%- if is_incremental() %}
        union all
        select conversation_id, started_at, ended_at from {{ this }}
        {%- endif %}
    )
    group by 1
),

-- the clock cut into lookup buckets: each lookup below is an equality join (macro business_clock_buckets)
clock_buckets as (
    {{ business_clock_buckets('int_business_clock', 'support_schedules') }}
),

schedule_bucket_widths as (
    {{ business_clock_bucket_widths('clock_buckets') }}
),

-- The span each schedule's clock covers: local midnight of the first spine day to local midnight after the last.
schedule_clock_spans as (
    select
        support_schedules.schedule_id,
        schedule_bucket_widths.instant_bucket_seconds,
        schedule_bucket_widths.position_bucket_seconds,
        {{ business_clock_starts_at('support_schedules.time_zone') }} as clock_starts_at,
        {{ business_clock_ends_at('support_schedules.time_zone') }} as clock_ends_at
    from support_schedules
    left join schedule_bucket_widths
        on support_schedules.schedule_id = schedule_bucket_widths.schedule_id
),

waits_scheduled as (
    select
        int_support_waits.wait_id,
        int_support_waits.conversation_id,
        int_support_waits.wait_kind,
        int_support_waits.group_id,
        int_support_waits.market_code,
        int_support_waits.channel,
        int_support_waits.priority,
        int_support_waits.started_at,
        int_support_waits.ended_at,
        source_as_of.as_of_at,
        coalesce(int_support_waits.ended_at, source_as_of.as_of_at) as measured_until_at,
        coalesce(
            group_assignments.schedule_id,
            market_assignments.schedule_id,
            default_assignments.schedule_id
        ) as schedule_id
    from int_support_waits
    left join source_as_of
        on {{ dbt.split_part('int_support_waits.conversation_id', "'-'", 1) }} = source_as_of.source_system
    left join support_schedule_assignments as group_assignments
        on group_assignments.match_type = 'group'
        and int_support_waits.group_id = group_assignments.match_value
    left join support_schedule_assignments as market_assignments
        on market_assignments.match_type = 'market'
        and int_support_waits.market_code = market_assignments.match_value
    left join support_schedule_assignments as default_assignments
        on default_assignments.match_type = 'default'
),

waits_in_clock_span as (
    select
        waits_scheduled.*,
        schedule_clock_spans.instant_bucket_seconds,
        schedule_clock_spans.position_bucket_seconds,
        waits_scheduled.started_at >= schedule_clock_spans.clock_starts_at
        and waits_scheduled.measured_until_at < schedule_clock_spans.clock_ends_at as is_in_clock_span
    from waits_scheduled
    left join schedule_clock_spans
        on waits_scheduled.schedule_id = schedule_clock_spans.schedule_id
),

-- Clock positions of the start and of the end (or as-of time): business seconds since the clock's start.
positioned as (
    select
        waits_in_clock_span.*,
        case when waits_in_clock_span.is_in_clock_span then
            {{ business_clock_bucket_position('started_clock', 'waits_in_clock_span.started_at') }}
        end as started_position,
        case when waits_in_clock_span.is_in_clock_span then
            {{ business_clock_bucket_position('measured_clock', 'waits_in_clock_span.measured_until_at') }}
        end as measured_position
    from waits_in_clock_span
    {{ business_clock_bucket_join(
        'clock_buckets', 'started_clock', 'instant', 'waits_in_clock_span.schedule_id',
        epoch_seconds('waits_in_clock_span.started_at'), 'waits_in_clock_span.instant_bucket_seconds'
    ) }}
    {{ business_clock_bucket_join(
        'clock_buckets', 'measured_clock', 'instant', 'waits_in_clock_span.schedule_id',
        epoch_seconds('waits_in_clock_span.measured_until_at'), 'waits_in_clock_span.instant_bucket_seconds'
    ) }}
),

-- The policy of each (priority, channel, market) met in the data: the most specific match. Resolved on the few
-- distinct combinations, then joined back on equality, so the wildcard matching never runs per wait.
sla_combinations as (
    select distinct
        priority,
        channel,
        market_code
    from int_support_waits
),

sla_policy_matches as (
    select
        sla_combinations.priority,
        sla_combinations.channel,
        sla_combinations.market_code,
        sla_policies.sla_policy_id,
        sla_policies.first_response_target_minutes,
        sla_policies.response_target_minutes,
        sla_policies.time_basis
    from sla_combinations
    inner join sla_policies
        on (sla_policies.priority = '*' or sla_policies.priority = sla_combinations.priority)
        and (sla_policies.channel = '*' or sla_policies.channel = sla_combinations.channel)
        and (sla_policies.market_code = '*' or sla_policies.market_code = sla_combinations.market_code)
    qualify row_number() over (
        partition by sla_combinations.priority, sla_combinations.channel, sla_combinations.market_code
        order by
            {{ sla_policy_specificity('sla_policies.priority', 'sla_policies.channel', 'sla_policies.market_code') }} desc,
            sla_policies.sla_policy_id
    ) = 1
),

with_sla_targets as (
    select
        positioned.*,
        case when positioned.wait_kind in ('first_response', 'response') then sla_policy_matches.sla_policy_id end
            as sla_policy_id,
        case when positioned.wait_kind in ('first_response', 'response') then sla_policy_matches.time_basis end
            as sla_time_basis,
        case positioned.wait_kind
            when 'first_response' then sla_policy_matches.first_response_target_minutes
            when 'response' then sla_policy_matches.response_target_minutes
        end as sla_target_minutes
    from positioned
    left join sla_policy_matches
        on positioned.priority is not distinct from sla_policy_matches.priority
        and positioned.channel is not distinct from sla_policy_matches.channel
        and positioned.market_code is not distinct from sla_policy_matches.market_code
),

with_sla_due_positions as (
    select
        *,
        case when sla_time_basis = 'business' then started_position + sla_target_minutes * 60 end
            as sla_due_position
    from with_sla_targets
),

-- Business-basis due time: the instant the clock reaches the due position, inside the last interval that opened
-- at or below it. A target used up exactly at a closing time falls due at the next opening (the clock stands
-- still while closed), so that "breached" always means "more than the target elapsed".
with_sla_due as (
    select
        with_sla_due_positions.*,
        case
            when with_sla_due_positions.sla_time_basis = 'calendar'
                then {{ dbt.dateadd('minute', 'with_sla_due_positions.sla_target_minutes', 'with_sla_due_positions.started_at') }}
            else {{ business_clock_bucket_instant('due_clock', 'with_sla_due_positions.sla_due_position') }}
        end as sla_due_at
    from with_sla_due_positions
    {{ business_clock_bucket_join(
        'clock_buckets', 'due_clock', 'position', 'with_sla_due_positions.schedule_id',
        'with_sla_due_positions.sla_due_position', 'with_sla_due_positions.position_bucket_seconds'
    ) }}
),

final as (
    select
        wait_id,
        conversation_id,
        wait_kind,
        group_id,
        market_code,
        channel,
        priority,
        schedule_id,
        started_at,
        ended_at,
        -- only an open wait's figures depend on it (and a closed wait's row stays the same from night to night)
        case when ended_at is null then as_of_at end as as_of_at,
        {{ seconds_between('started_at', 'ended_at') }} as calendar_seconds,
        case when ended_at is not null then measured_position - started_position end as business_seconds,
        {{ seconds_between('started_at', 'measured_until_at') }} as calendar_seconds_so_far,
        measured_position - started_position as business_seconds_so_far,
        sla_target_minutes is not null as is_sla_applicable,
        sla_policy_id,
        sla_target_minutes,
        sla_time_basis,
        sla_due_at,
        case when sla_due_at is not null then measured_until_at > sla_due_at end as is_sla_breached,
        case when measured_until_at > sla_due_at then sla_due_at end as sla_breached_at
    from with_sla_due
)

select * from final
