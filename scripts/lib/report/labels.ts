/**
 * The report page's words, in English and Simplified Chinese: chart titles, axes, tiles, and the names of the
 * codes the marts use (rating-driver buckets, return reasons, weekdays). Contact-reason names come from
 * `dim_issue_categories` (it carries both languages). A code without an entry here shows as the code itself.
 */

/** One label in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

const b = (en: string, zh: string): Bilingual => ({ en, zh });

export const DRIVERS: Record<string, Bilingual> = {
  delivery_delay: b('Delivery delay', '配送延误'),
  first_response: b('First response', '首次响应'),
  contact_resolution: b('Support contact resolved', '客服咨询是否解决'),
  return: b('Returned or kept', '是否退货'),
};

/** The drivers in the order the page shows them. */
export const DRIVER_ORDER = ['delivery_delay', 'first_response', 'contact_resolution', 'return'];

export const BUCKETS: Record<string, Bilingual> = {
  on_time: b('On time', '准时'),
  late_1_2_days: b('1-2 days late', '晚 1-2 天'),
  late_3_6_days: b('3-6 days late', '晚 3-6 天'),
  late_7_plus_days: b('7+ days late', '晚 7 天以上'),
  lost: b('Lost', '丢件'),
  not_delivered: b('Not delivered', '未送达'),
  unknown: b('Unknown', '未知'),
  no_contact: b('No contact', '未联系客服'),
  under_1_hour: b('< 1 h', '< 1 小时'),
  '1_4_hours': b('1-4 h', '1-4 小时'),
  '4_24_hours': b('4-24 h', '4-24 小时'),
  '24_72_hours': b('24-72 h', '24-72 小时'),
  '72_plus_hours': b('72+ h', '72 小时以上'),
  not_answered: b('Not answered', '未回复'),
  resolved: b('Resolved', '已解决'),
  unresolved: b('Unresolved', '未解决'),
  kept: b('Kept', '未退货'),
  returned: b('Returned', '已退货'),
};

export const RETURN_REASONS: Record<string, Bilingual> = {
  size_too_small: b('Size too small', '尺码偏小'),
  size_too_large: b('Size too large', '尺码偏大'),
  unwanted: b('No longer wanted', '不想要了'),
  not_as_described: b('Not as described', '与描述不符'),
  wrong_item: b('Wrong item', '发错商品'),
  defective: b('Defective', '质量缺陷'),
  style: b('Style', '款式'),
  color: b('Colour', '颜色'),
  other: b('Other', '其他'),
  unknown: b('Unknown', '未知'),
};

/** ISO weekdays 1 (Monday) .. 7 (Sunday). */
export const WEEKDAYS: Bilingual[] = [
  b('Mon', '周一'),
  b('Tue', '周二'),
  b('Wed', '周三'),
  b('Thu', '周四'),
  b('Fri', '周五'),
  b('Sat', '周六'),
  b('Sun', '周日'),
];

/** Titles, axes, series and tiles. */
export const TEXT = {
  pageTitle: b('Customer service and ratings report', '客服与评分报告'),
  subtitle: b(
    'What the published marts say: first responses, ratings, what customers contact us about, when, and returns.',
    '已发布数据集市的要点：首次响应、评分、客户咨询原因与时间分布、退货。',
  ),
  run: b('Publication run', '发布批次'),
  publishedAt: b('Published', '发布时间'),
  generatedAt: b('Report generated', '报告生成时间'),
  period: b('Conversations created', '会话创建期间'),
  currency: b('Reporting currency', '报告货币'),
  source: b('Source', '数据来源'),

  tileConversations: b('Conversations', '会话数'),
  tileMedianFirstResponse: b('First response (median, h)', '首次响应（中位数，小时）'),
  tileOneTouch: b('One-touch resolution', '一次解决率'),
  tileCsat: b('CSAT (satisfied / rated)', '客户满意度（满意/已评价）'),
  tileMeanRating: b('Mean review rating (stars)', '平均评分（星）'),
  tileReturnRate: b('Return rate (requests per ordered product)', '退货率（按订单商品计）'),
  tileRefunds: b('Refunds on returns', '退货退款金额'),
  tileAnswered: b('answered by an agent', '人工已回复'),
  tileSolved: b('of solved conversations', '占已解决会话'),
  tileRated: b('rated conversations', '已评价会话'),
  tileReviews: b('reviews', '条评价'),
  tileReturnRequests: b('return requests', '退货申请'),

  ratingTrend: b('Rating trend (weekly mean stars)', '评分趋势（每周平均星级）'),
  responseTrend: b('Response-time trend (weekly first response, h)', '响应时间趋势（每周首次响应，小时）'),
  drivers: b('Rating drivers: mean stars and 1-2 star share by bucket', '评分影响因素：各分组平均星级与 1-2 星占比'),
  contactReasons: b('Contact reasons by week (conversations)', '每周咨询原因（会话数）'),
  heatmapCustomer: b('Customer waits by weekday and hour, customer local time', '客户等待分布（星期 × 小时，客户当地时间）'),
  heatmapTeam: b('Customer waits by weekday and hour, team local time', '客户等待分布（星期 × 小时，团队当地时间）'),
  returnsWeekly: b('Returns by week: return rate and refunds', '每周退货：退货率与退款'),
  returnReasons: b('Returns by reason', '按原因统计退货'),

  week: b('Week (Monday, UTC)', '周（周一起，UTC）'),
  meanStars: b('Mean stars', '平均星级'),
  lowShare: b('1-2 star share', '1-2 星占比'),
  reviews: b('Reviews', '评价数'),
  medianFirstResponse: b('First response, median (h)', '首次响应中位数（小时）'),
  p90FirstResponse: b('First response, 90th percentile (h)', '首次响应第 90 百分位（小时）'),
  hours: b('Hours', '小时'),
  conversations: b('Conversations', '会话数'),
  weekday: b('Weekday', '星期'),
  hourOfDay: b('Hour of day', '小时'),
  waitsStarted: b('Waits started', '开始等待次数'),
  meanWait: b('Mean wait (h)', '平均等待（小时）'),
  returnRate: b('Return rate', '退货率'),
  returnRequests: b('Return requests', '退货申请数'),
  refunds: b('Refunds', '退款'),
  noData: b('No data in the publication', '发布数据中没有记录'),

  noteWeeks: b(
    'Weeks start on Monday (UTC); the first and last week of the period can be partial.',
    '每周从周一开始（UTC）；期间的第一周和最后一周可能不完整。',
  ),
  noteResponse: b(
    'From fct_conversations by creation week: percentiles over the conversations a human agent answered.',
    '来自 fct_conversations，按会话创建周统计：人工已回复会话的百分位数。',
  ),
  noteDrivers: b(
    'From rating_drivers, summed over platforms and markets; every review counts once per driver.',
    '来自 rating_drivers，汇总所有平台与市场；每条评价在每个因素中计一次。',
  ),
  noteHeatmap: b(
    'From support_hourly_volume, whole history: every customer wait by the hour it started.',
    '来自 support_hourly_volume，全部历史：每次客户等待按开始时间计。',
  ),
  noteReturns: b(
    'From returns_refunds_weekly by request week. Return rate = return requests / ordered products (an order with two products counts twice); refunds of those returns in the reporting currency.',
    '来自 returns_refunds_weekly，按申请周统计。退货率 = 退货申请 / 订单商品数（含两种商品的订单计两次）；退款为这些退货的退款，按报告货币计。',
  ),
} satisfies Record<string, Bilingual>;

/** "English / 中文", the form every title, axis and tile uses. */
export function both(label: Bilingual): string {
  return `${label.en} / ${label.zh}`;
}

/** The label of a code, or the code in both languages when there is none. */
export function labelOf(table: Record<string, Bilingual>, code: string): Bilingual {
  return table[code] ?? { en: code, zh: code };
}
