/**
 * The report page's numbers, each one SQL query on the published read copy (`published/marts.duckdb`). All
 * aggregation happens in DuckDB; what comes back is a few hundred small rows at most, embedded in the page.
 *
 * Which table feeds what, and how it is combined (the marts are pre-aggregated at fine grains, so every figure
 * over several rows is rebuilt from sums and counts, never as a mean of means):
 *
 * - KPI tiles: conversations, one-touch rate (one-touch / solved) and CSAT % (satisfied / rated) from sums over
 *   `support_kpis_daily`; median first response from `fct_conversations` (a median cannot be combined from
 *   daily medians); mean rating from `rating_trends_weekly` as sum(avg_rating x reviews) / sum(reviews); return
 *   rate and refunds from `returns_refunds_weekly` (see returns below).
 * - Rating trend: `rating_trends_weekly` by week, weighted mean stars and 1-2 star share (sum / sum).
 * - Response-time trend: `fct_conversations` by creation week (Monday, UTC, as the support marts), median and
 *   90th percentile first response, continuous percentiles as in `support_kpis_daily`.
 * - Rating drivers: `rating_drivers` summed over platform x market per driver x bucket, weighted mean stars and
 *   1-2 star share.
 * - Contact reasons: `contact_reasons_weekly` conversations summed over market x product per week x category,
 *   names from `dim_issue_categories`.
 * - Hourly heatmaps: `support_hourly_volume` waits started summed over market x channel per time basis x ISO
 *   weekday x hour (every cell present, 0 when empty); mean wait weighted by replied waits.
 * - Returns: `returns_refunds_weekly`. `orders_with_product` is repeated on every reason row of a week x
 *   product x market, so it is taken once per combination before summing. Summed over products it counts
 *   order x product pairs, not orders (an order with two products counts twice): the rate shown is therefore
 *   return requests per ordered product, which the page says. An orders-based rate would need distinct orders
 *   per week and market, which the mart does not carry.
 */
import type { Db } from '../../../extract/core/duckdb.ts';

export interface Kpis {
  first_date: string | null;
  last_date: string | null;
  conversations: number;
  conversations_answered: number;
  conversations_solved: number;
  one_touch_rate: number | null;
  csat_rated: number;
  csat_rate: number | null;
  median_first_response_hours: number | null;
  reviews: number;
  mean_rating: number | null;
  return_requests: number;
  ordered_products: number;
  return_rate: number | null;
  refund_amount_reporting: number;
}

export interface RatingWeek {
  week: string;
  reviews: number;
  avg_rating: number | null;
  low_rating_share: number | null;
}

export interface ResponseWeek {
  week: string;
  conversations_answered: number;
  median_first_response_hours: number | null;
  p90_first_response_hours: number | null;
}

export interface DriverBucket {
  driver: string;
  bucket: string;
  bucket_order: number;
  reviews: number;
  avg_rating: number | null;
  low_rating_share: number | null;
}

export interface ContactReasonWeek {
  week: string;
  issue_category: string;
  conversations: number;
}

export interface ContactCategory {
  issue_category: string;
  name: string;
  name_zh: string;
  conversations: number;
}

export interface HourlyCell {
  time_basis: 'customer_local' | 'team_local';
  iso_day_of_week: number;
  hour_of_day: number;
  waits_started: number;
  avg_response_hours: number | null;
}

export interface ReturnsWeek {
  week: string;
  return_requests: number;
  ordered_products: number;
  return_rate: number | null;
  refund_amount_reporting: number;
}

export interface ReturnReason {
  return_reason: string;
  return_requests: number;
  return_rate: number | null;
  refund_amount_reporting: number;
}

export interface ReportData {
  kpis: Kpis;
  /** Currencies of the refund amounts (one, unless the data is inconsistent). */
  currencies: string[];
  ratingTrend: RatingWeek[];
  responseTrend: ResponseWeek[];
  drivers: DriverBucket[];
  contactCategories: ContactCategory[];
  contactReasons: ContactReasonWeek[];
  hourly: HourlyCell[];
  returnsWeekly: ReturnsWeek[];
  returnReasons: ReturnReason[];
}

/** Orders x product once per week x product x market (the mart repeats it on every reason row). */
const ORDERED_PRODUCTS = `
    ordered_products as (
        select
            week_start_date,
            product_id,
            market_code,
            max(orders_with_product) as orders_with_product
        from returns_refunds_weekly
        group by week_start_date, product_id, market_code
    )`;

const KPIS = `
with

support as (
    select
        strftime(min(date_day), '%Y-%m-%d') as first_date,
        strftime(max(date_day), '%Y-%m-%d') as last_date,
        coalesce(sum(conversations), 0)::double as conversations,
        coalesce(sum(conversations_answered), 0)::double as conversations_answered,
        coalesce(sum(conversations_solved), 0)::double as conversations_solved,
        (sum(conversations_one_touch) / nullif(sum(conversations_solved), 0))::double as one_touch_rate,
        coalesce(sum(csat_rated), 0)::double as csat_rated,
        (sum(csat_satisfied) / nullif(sum(csat_rated), 0))::double as csat_rate
    from support_kpis_daily
),

first_response as (
    select (median(first_response_seconds) / 3600.0)::double as median_first_response_hours
    from fct_conversations
),

ratings as (
    select
        coalesce(sum(reviews), 0)::double as reviews,
        (sum(avg_rating * reviews) / nullif(sum(reviews), 0))::double as mean_rating
    from rating_trends_weekly
),
${ORDERED_PRODUCTS},

returns as (
    select
        coalesce(sum(return_requests), 0)::double as return_requests,
        coalesce(sum(refund_amount_reporting), 0)::double as refund_amount_reporting
    from returns_refunds_weekly
),

orders as (
    select coalesce(sum(orders_with_product), 0)::double as ordered_products
    from ordered_products
),

final as (
    select
        support.*,
        first_response.median_first_response_hours,
        ratings.reviews,
        ratings.mean_rating,
        returns.return_requests,
        orders.ordered_products,
        (returns.return_requests / nullif(orders.ordered_products, 0))::double as return_rate,
        returns.refund_amount_reporting
    from support
    cross join first_response
    cross join ratings
    cross join returns
    cross join orders
)

select * from final`;

const CURRENCIES = `
select distinct reporting_currency
from returns_refunds_weekly
where reporting_currency is not null
order by reporting_currency`;

const RATING_TREND = `
select
    strftime(week_start_date, '%Y-%m-%d') as week,
    sum(reviews)::double as reviews,
    (sum(avg_rating * reviews) / nullif(sum(reviews), 0))::double as avg_rating,
    (sum(low_rating_reviews) / nullif(sum(reviews), 0))::double as low_rating_share
from rating_trends_weekly
group by week_start_date
order by week_start_date`;

const RESPONSE_TREND = `
select
    strftime(date_trunc('week', created_date), '%Y-%m-%d') as week,
    count(first_response_seconds)::double as conversations_answered,
    (median(first_response_seconds) / 3600.0)::double as median_first_response_hours,
    (quantile_cont(first_response_seconds, 0.9) / 3600.0)::double as p90_first_response_hours
from fct_conversations
group by date_trunc('week', created_date)
order by date_trunc('week', created_date)`;

const DRIVERS = `
select
    driver,
    bucket,
    min(bucket_order)::double as bucket_order,
    sum(reviews)::double as reviews,
    (sum(avg_rating * reviews) / nullif(sum(reviews), 0))::double as avg_rating,
    (sum(low_rating_reviews) / nullif(sum(reviews), 0))::double as low_rating_share
from rating_drivers
group by driver, bucket
order by driver, min(bucket_order), bucket`;

const CONTACT_CATEGORIES = `
with

totals as (
    select
        issue_category,
        sum(conversations) as conversations
    from contact_reasons_weekly
    group by issue_category
),

final as (
    select
        totals.issue_category,
        coalesce(dim_issue_categories.category_name, totals.issue_category) as name,
        coalesce(dim_issue_categories.category_name_zh, totals.issue_category) as name_zh,
        totals.conversations::double as conversations
    from totals
    left join dim_issue_categories
        on totals.issue_category = dim_issue_categories.issue_category
)

select * from final
order by conversations desc, issue_category`;

const CONTACT_REASONS = `
select
    strftime(week_start_date, '%Y-%m-%d') as week,
    issue_category,
    sum(conversations)::double as conversations
from contact_reasons_weekly
group by week_start_date, issue_category
order by week_start_date, issue_category`;

const HOURLY = `
with

cells as (
    select
        time_basis,
        days.day::integer as iso_day_of_week,
        hours.hour::integer as hour_of_day
    from (values ('customer_local'), ('team_local')) as bases (time_basis)
    cross join range(1, 8) as days (day)
    cross join range(0, 24) as hours (hour)
),

volume as (
    select
        time_basis,
        iso_day_of_week,
        hour_of_day,
        sum(waits_started) as waits_started,
        sum(avg_response_seconds * waits_replied) / nullif(sum(waits_replied), 0) as avg_response_seconds
    from support_hourly_volume
    group by time_basis, iso_day_of_week, hour_of_day
),

final as (
    select
        cells.time_basis,
        cells.iso_day_of_week,
        cells.hour_of_day,
        coalesce(volume.waits_started, 0)::double as waits_started,
        (volume.avg_response_seconds / 3600.0)::double as avg_response_hours
    from cells
    left join volume
        on cells.time_basis = volume.time_basis
        and cells.iso_day_of_week = volume.iso_day_of_week
        and cells.hour_of_day = volume.hour_of_day
)

select * from final
order by time_basis, iso_day_of_week, hour_of_day`;

const RETURNS_WEEKLY = `
with
${ORDERED_PRODUCTS},

weekly_orders as (
    select
        week_start_date,
        sum(orders_with_product) as ordered_products
    from ordered_products
    group by week_start_date
),

weekly_returns as (
    select
        week_start_date,
        sum(return_requests) as return_requests,
        coalesce(sum(refund_amount_reporting), 0) as refund_amount_reporting
    from returns_refunds_weekly
    group by week_start_date
),

final as (
    select
        strftime(weekly_returns.week_start_date, '%Y-%m-%d') as week,
        weekly_returns.return_requests::double as return_requests,
        coalesce(weekly_orders.ordered_products, 0)::double as ordered_products,
        (weekly_returns.return_requests / nullif(weekly_orders.ordered_products, 0))::double as return_rate,
        weekly_returns.refund_amount_reporting::double as refund_amount_reporting
    from weekly_returns
    left join weekly_orders
        on weekly_returns.week_start_date = weekly_orders.week_start_date
    where weekly_returns.week_start_date is not null
)

select * from final
order by week`;

const RETURN_REASONS = `
with
${ORDERED_PRODUCTS},

orders as (
    select sum(orders_with_product) as ordered_products
    from ordered_products
),

reasons as (
    select
        return_reason,
        sum(return_requests) as return_requests,
        coalesce(sum(refund_amount_reporting), 0) as refund_amount_reporting
    from returns_refunds_weekly
    where return_reason <> 'none'
    group by return_reason
),

final as (
    select
        reasons.return_reason,
        reasons.return_requests::double as return_requests,
        (reasons.return_requests / nullif(orders.ordered_products, 0))::double as return_rate,
        reasons.refund_amount_reporting::double as refund_amount_reporting
    from reasons
    cross join orders
)

select * from final
order by return_requests desc, return_reason`;

/** Runs every query of the page on an open connection to the published read copy. */
export async function queryReportData(db: Db): Promise<ReportData> {
  const [kpis] = await db.all<Kpis>(KPIS);
  return {
    kpis: kpis!,
    currencies: (await db.all<{ reporting_currency: string }>(CURRENCIES)).map((r) => r.reporting_currency),
    ratingTrend: await db.all<RatingWeek>(RATING_TREND),
    responseTrend: await db.all<ResponseWeek>(RESPONSE_TREND),
    drivers: await db.all<DriverBucket>(DRIVERS),
    contactCategories: await db.all<ContactCategory>(CONTACT_CATEGORIES),
    contactReasons: await db.all<ContactReasonWeek>(CONTACT_REASONS),
    hourly: await db.all<HourlyCell>(HOURLY),
    returnsWeekly: await db.all<ReturnsWeek>(RETURNS_WEEKLY),
    returnReasons: await db.all<ReturnReason>(RETURN_REASONS),
  };
}
