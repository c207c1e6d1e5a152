/**
 * Static reference data of the demo shop: its markets (the same codes, zones, currencies and languages as
 * `seeds/markets.csv`), sales platforms, support channels, carriers and delivery lanes, and the shop itself.
 * Weights are relative shares; nothing here is random.
 */

export type MarketCode = 'US' | 'GB' | 'DE' | 'ES' | 'JP' | 'CN' | 'AU';
export type Lang = 'en' | 'de' | 'es' | 'ja' | 'zh';
export type Platform = 'web' | 'amazon' | 'ebay';
export type Channel = 'email' | 'web' | 'native_messaging' | 'any_channel' | 'facebook' | 'instagram_dm';
export type Reason =
  | 'logistics'
  | 'quality'
  | 'size'
  | 'function'
  | 'payment'
  | 'return_refund'
  | 'customs'
  | 'account'
  | 'other';

export const SHOP = {
  name: 'Pinecrest Goods',
  /** Zendesk subdomain and the shop's mail domain (a reserved `.example` name). */
  zendeskSubdomain: 'pinecrestgoods',
  domain: 'pinecrest-goods.example',
  currency: 'USD',
} as const;

export interface CityRef {
  city: string;
  province: string;
  zip: string;
}

export interface Market {
  code: MarketCode;
  timeZone: string;
  currency: string;
  lang: Lang;
  /** Zendesk user locale. */
  locale: string;
  /** BCP 47 tag of text written by customers of this market. */
  languageTag: string;
  /** Share of orders. */
  weight: number;
  /** Sales tax / VAT charged on top of the subtotal. */
  taxRate: number;
  /** Units of the market currency per USD (fixed demo rates, for presentment amounts). */
  usdRate: number;
  platforms: readonly (readonly [Platform, number])[];
  carriers: readonly (readonly [string, number])[];
  /** Share of parcels held by customs or charged import duty on arrival. */
  customsShare: number;
  /** Support group that serves the market. */
  group: 'shenzhen' | 'berlin';
  /** Amazon order-id prefixes of the market's marketplace. */
  amazonPrefixes: readonly string[];
  cities: readonly CityRef[];
}

export const MARKETS: readonly Market[] = [
  {
    code: 'US', timeZone: 'America/New_York', currency: 'USD', lang: 'en', locale: 'en-US', languageTag: 'en',
    weight: 30, taxRate: 0, usdRate: 1, customsShare: 0.05, group: 'shenzhen', amazonPrefixes: ['111', '112', '113', '114'],
    platforms: [['web', 40], ['amazon', 45], ['ebay', 15]],
    carriers: [['UPS', 20], ['FedEx', 10], ['USPS', 30], ['4PX', 20], ['Yanwen', 20]],
    cities: [
      { city: 'New York', province: 'NY', zip: '10001' }, { city: 'Los Angeles', province: 'CA', zip: '90012' },
      { city: 'Chicago', province: 'IL', zip: '60601' }, { city: 'Houston', province: 'TX', zip: '77002' },
      { city: 'Seattle', province: 'WA', zip: '98101' }, { city: 'Miami', province: 'FL', zip: '33130' },
      { city: 'Denver', province: 'CO', zip: '80202' }, { city: 'Boston', province: 'MA', zip: '02108' },
    ],
  },
  {
    code: 'GB', timeZone: 'Europe/London', currency: 'GBP', lang: 'en', locale: 'en-GB', languageTag: 'en',
    weight: 13, taxRate: 0.2, usdRate: 0.79, customsShare: 0.06, group: 'berlin', amazonPrefixes: ['202', '203', '204', '026'],
    platforms: [['web', 35], ['amazon', 45], ['ebay', 20]],
    carriers: [['DHL Express', 20], ['Royal Mail', 35], ['Yanwen', 30], ['4PX', 15]],
    cities: [
      { city: 'London', province: 'England', zip: 'EC1A 1BB' }, { city: 'Manchester', province: 'England', zip: 'M1 1AE' },
      { city: 'Birmingham', province: 'England', zip: 'B1 1BB' }, { city: 'Leeds', province: 'England', zip: 'LS1 4AP' },
      { city: 'Glasgow', province: 'Scotland', zip: 'G1 1XQ' }, { city: 'Bristol', province: 'England', zip: 'BS1 4DJ' },
    ],
  },
  {
    code: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', lang: 'de', locale: 'de', languageTag: 'de',
    weight: 16, taxRate: 0.19, usdRate: 0.92, customsShare: 0.05, group: 'berlin', amazonPrefixes: ['302', '303', '304', '028'],
    platforms: [['web', 35], ['amazon', 50], ['ebay', 15]],
    carriers: [['DHL Express', 35], ['Yanwen', 35], ['Cainiao', 30]],
    cities: [
      { city: 'Berlin', province: 'BE', zip: '10115' }, { city: 'Hamburg', province: 'HH', zip: '20095' },
      { city: 'München', province: 'BY', zip: '80331' }, { city: 'Köln', province: 'NW', zip: '50667' },
      { city: 'Frankfurt am Main', province: 'HE', zip: '60311' }, { city: 'Stuttgart', province: 'BW', zip: '70173' },
      { city: 'Leipzig', province: 'SN', zip: '04109' },
    ],
  },
  {
    code: 'ES', timeZone: 'Europe/Madrid', currency: 'EUR', lang: 'es', locale: 'es', languageTag: 'es',
    weight: 8, taxRate: 0.21, usdRate: 0.92, customsShare: 0.06, group: 'berlin', amazonPrefixes: ['402', '403', '404', '405'],
    platforms: [['web', 45], ['amazon', 55]],
    carriers: [['Correos', 35], ['Cainiao', 35], ['DHL Express', 30]],
    cities: [
      { city: 'Madrid', province: 'M', zip: '28013' }, { city: 'Barcelona', province: 'B', zip: '08002' },
      { city: 'Valencia', province: 'V', zip: '46002' }, { city: 'Sevilla', province: 'SE', zip: '41001' },
      { city: 'Bilbao', province: 'BI', zip: '48001' }, { city: 'Málaga', province: 'MA', zip: '29015' },
    ],
  },
  {
    code: 'JP', timeZone: 'Asia/Tokyo', currency: 'JPY', lang: 'ja', locale: 'ja', languageTag: 'ja',
    weight: 10, taxRate: 0.1, usdRate: 150, customsShare: 0.04, group: 'shenzhen', amazonPrefixes: ['249', '250', '503'],
    platforms: [['web', 35], ['amazon', 65]],
    carriers: [['Japan Post', 55], ['DHL Express', 15], ['Yanwen', 30]],
    cities: [
      { city: 'Shibuya-ku', province: 'Tokyo', zip: '150-0002' }, { city: 'Osaka', province: 'Osaka', zip: '530-0001' },
      { city: 'Yokohama', province: 'Kanagawa', zip: '220-0011' }, { city: 'Nagoya', province: 'Aichi', zip: '450-0002' },
      { city: 'Sapporo', province: 'Hokkaido', zip: '060-0001' }, { city: 'Fukuoka', province: 'Fukuoka', zip: '810-0001' },
    ],
  },
  {
    code: 'CN', timeZone: 'Asia/Shanghai', currency: 'CNY', lang: 'zh', locale: 'zh-CN', languageTag: 'zh-CN',
    weight: 6, taxRate: 0.091, usdRate: 7.2, customsShare: 0, group: 'shenzhen', amazonPrefixes: [],
    platforms: [['web', 100]],
    carriers: [['SF Express', 100]],
    cities: [
      { city: 'Shanghai', province: 'Shanghai', zip: '200001' }, { city: 'Beijing', province: 'Beijing', zip: '100010' },
      { city: 'Guangzhou', province: 'Guangdong', zip: '510000' }, { city: 'Hangzhou', province: 'Zhejiang', zip: '310000' },
      { city: 'Chengdu', province: 'Sichuan', zip: '610000' }, { city: 'Wuhan', province: 'Hubei', zip: '430000' },
    ],
  },
  {
    code: 'AU', timeZone: 'Australia/Sydney', currency: 'AUD', lang: 'en', locale: 'en-AU', languageTag: 'en',
    weight: 17, taxRate: 0.1, usdRate: 1.52, customsShare: 0.05, group: 'shenzhen', amazonPrefixes: ['250', '249'],
    platforms: [['web', 45], ['amazon', 35], ['ebay', 20]],
    carriers: [['Australia Post', 45], ['4PX', 35], ['DHL Express', 20]],
    cities: [
      { city: 'Sydney', province: 'NSW', zip: '2000' }, { city: 'Melbourne', province: 'VIC', zip: '3000' },
      { city: 'Brisbane', province: 'QLD', zip: '4000' }, { city: 'Perth', province: 'WA', zip: '6000' },
      { city: 'Adelaide', province: 'SA', zip: '5000' }, { city: 'Canberra', province: 'ACT', zip: '2600' },
    ],
  },
];

export const MARKET_BY_CODE = new Map(MARKETS.map((m) => [m.code, m]));

export function market(code: MarketCode): Market {
  return MARKET_BY_CODE.get(code)!;
}

/** Review platform name of a sales platform (`web` orders are reviewed through the shop's Shopify review app). */
export const REVIEW_PLATFORM: Record<Platform, string> = { web: 'shopify', amazon: 'amazon', ebay: 'ebay' };

/** How customers of each platform reach support (Zendesk `via.channel`). */
export const CHANNELS_BY_PLATFORM: Record<Platform, readonly (readonly [Channel, number])[]> = {
  web: [['email', 28], ['web', 20], ['native_messaging', 30], ['facebook', 11], ['instagram_dm', 11]],
  amazon: [['any_channel', 85], ['email', 15]],
  ebay: [['any_channel', 85], ['email', 15]],
};

/** Channels where the bot answers first. */
export const BOT_CHANNELS: ReadonlySet<Channel> = new Set(['native_messaging', 'facebook', 'instagram_dm']);

export const CHANNEL_TAG: Record<Channel, string> = {
  email: 'channel_email',
  web: 'channel_web_form',
  native_messaging: 'channel_chat',
  any_channel: 'channel_marketplace',
  facebook: 'channel_social',
  instagram_dm: 'channel_social',
};

// ---- carriers and delivery lanes --------------------------------------------------------------------------

export type CarrierClass = 'express' | 'postal' | 'economy' | 'domestic';

export interface Carrier {
  name: string;
  class: CarrierClass;
  /** Promised transit days (calendar) from hand-over. */
  promisedDays: readonly [number, number];
  tracking: 'dhl' | 'ups' | 'fedex' | 'usps' | 'upu' | 'yanwen' | '4px' | 'cainiao' | 'sf';
}

export const CARRIERS: ReadonlyMap<string, Carrier> = new Map(
  (
    [
      { name: 'DHL Express', class: 'express', promisedDays: [4, 6], tracking: 'dhl' },
      { name: 'UPS', class: 'express', promisedDays: [5, 7], tracking: 'ups' },
      { name: 'FedEx', class: 'express', promisedDays: [5, 7], tracking: 'fedex' },
      { name: 'USPS', class: 'postal', promisedDays: [9, 14], tracking: 'usps' },
      { name: 'Royal Mail', class: 'postal', promisedDays: [8, 13], tracking: 'upu' },
      { name: 'Japan Post', class: 'postal', promisedDays: [6, 10], tracking: 'upu' },
      { name: 'Australia Post', class: 'postal', promisedDays: [10, 15], tracking: 'upu' },
      { name: 'Correos', class: 'postal', promisedDays: [10, 15], tracking: 'upu' },
      { name: 'Yanwen', class: 'economy', promisedDays: [12, 20], tracking: 'yanwen' },
      { name: '4PX', class: 'economy', promisedDays: [10, 18], tracking: '4px' },
      { name: 'Cainiao', class: 'economy', promisedDays: [10, 18], tracking: 'cainiao' },
      { name: 'SF Express', class: 'domestic', promisedDays: [2, 4], tracking: 'sf' },
    ] satisfies Carrier[]
  ).map((c) => [c.name, c]),
);

export const LATE_SHARE: Record<CarrierClass, number> = { express: 0.07, postal: 0.14, economy: 0.2, domestic: 0.05 };
export const LOST_SHARE: Record<CarrierClass, number> = { express: 0.003, postal: 0.008, economy: 0.018, domestic: 0.002 };

/**
 * Lanes that get worse over the simulated period (0 = stable, 1 = strongly worsening): a growing share of
 * late parcels and longer delays, so lateness is not uniform across carriers and markets.
 */
export const WORSENING_LANES: Readonly<Record<string, Partial<Record<MarketCode, number>>>> = {
  Yanwen: { GB: 1, DE: 1, US: 0.6, JP: 0.5 },
  Cainiao: { ES: 1, DE: 0.6 },
  'Royal Mail': { GB: 0.5 },
  'Australia Post': { AU: 0.6 },
  '4PX': { AU: 0.5, US: 0.4 },
};

// ---- support team -----------------------------------------------------------------------------------------

export interface GroupSpec {
  key: 'shenzhen' | 'berlin';
  id: number;
  name: string;
  description: string;
  timeZone: string;
  /** Local dates (`MM-DD`) when only the weekend crew works. */
  holidays: readonly string[];
}

export const GROUPS: readonly GroupSpec[] = [
  {
    key: 'shenzhen',
    id: 360000100001,
    name: 'Global Support (Shenzhen)',
    description: 'Americas and Asia Pacific: US, JP, CN, AU. Mon-Fri 09:00-23:00 Asia/Shanghai in two shifts; weekend crew 10:00-19:00.',
    timeZone: 'Asia/Shanghai',
    holidays: ['01-01', '05-01', '05-02', '05-03', '05-04', '05-05', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
  },
  {
    key: 'berlin',
    id: 360000100002,
    name: 'EU Support (Berlin)',
    description: 'Europe: GB, DE, ES. Mon-Fri 08:00-21:00 Europe/Berlin in two shifts; weekend crew 09:00-17:00.',
    timeZone: 'Europe/Berlin',
    holidays: ['01-01', '05-01', '10-03', '12-25', '12-26'],
  },
];

/** Shifts in local hours of the agent's group; `weekend` works Wednesday to Sunday and on holidays. */
export const SHIFTS = {
  shenzhen: { early: [9, 18], late: [14, 23], weekend: [10, 19] },
  berlin: { early: [8, 17], late: [12, 21], weekend: [9, 17] },
} as const;

export type ShiftName = 'early' | 'late' | 'weekend';
