/**
 * Time for the demo simulator: everything internal is whole epoch seconds (UTC). This module turns them into the
 * sources' text forms (Zendesk `...Z`, the shop's `...+08:00`), converts between UTC and local wall time in an
 * IANA zone (DST included, through Intl, cached per day), and defines the simulated window.
 */

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** The shop's own time zone (Shopify timestamps carry its offset). Asia/Shanghai has no DST. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';
const SHOP_OFFSET = 8 * HOUR;

/** Epoch seconds of midnight UTC of a `YYYY-MM-DD` date. */
export function dateToSeconds(ymd: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) throw new Error(`demo endDate must be YYYY-MM-DD, got "${ymd}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(ms)) throw new Error(`demo endDate is not a date: "${ymd}"`);
  return ms / 1000;
}

const dateCache = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DDTHH:MM:SS` of a wall-clock second count (dates cached per day; formatting is hot). */
function isoSeconds(sec: number): string {
  const day = Math.floor(sec / DAY);
  let date = dateCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY * 1000).toISOString().slice(0, 10);
    dateCache.set(day, date);
  }
  const s = sec - day * DAY;
  return `${date}T${pad2(Math.floor(s / HOUR))}:${pad2(Math.floor((s % HOUR) / MINUTE))}:${pad2(s % MINUTE)}`;
}

/** `2026-05-01T09:30:00Z` (Zendesk's form, seconds precision). */
export function zendeskTime(sec: number): string {
  return isoSeconds(sec) + 'Z';
}

/** `2026-05-01T17:30:00+08:00` (Shopify's form, in the shop's time zone). */
export function shopTime(sec: number): string {
  return isoSeconds(sec + SHOP_OFFSET) + '+08:00';
}

/** The simulated window: whole UTC days from `start` (first second) to `end` (last second). */
export interface SimWindow {
  start: number;
  end: number;
  days: number;
}

export function simWindow(endDate: string, days: number): SimWindow {
  if (!Number.isInteger(days) || days < 1) throw new Error(`demo days must be a positive integer, got ${days}`);
  const last = dateToSeconds(endDate);
  return { start: last - (days - 1) * DAY, end: last + DAY - 1, days };
}

// ---- time zones -------------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: day index -> offset (seconds) valid the whole UTC day, or null when the offset changes that day. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const hourOffsets = new Map<string, Map<number, number>>();

function exactOffset(tz: string, sec: number): number {
  let fmt = formatters.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, fmt);
  }
  const values: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(sec * 1000))) values[part.type] = Number(part.value);
  const local = Date.UTC(values.year!, values.month! - 1, values.day!, values.hour! % 24, values.minute!, values.second!) / 1000;
  return local - sec;
}

/** Offset of `tz` from UTC at the instant `sec`, in seconds (east positive). */
export function tzOffset(tz: string, sec: number): number {
  const day = Math.floor(sec / DAY);
  let perDay = dayOffsets.get(tz);
  if (!perDay) dayOffsets.set(tz, (perDay = new Map()));
  let offset = perDay.get(day);
  if (offset === undefined) {
    const a = exactOffset(tz, day * DAY);
    const b = exactOffset(tz, day * DAY + DAY - 1);
    offset = a === b ? a : null;
    perDay.set(day, offset);
  }
  if (offset !== null) return offset;
  const hour = Math.floor(sec / HOUR);
  let perHour = hourOffsets.get(tz);
  if (!perHour) hourOffsets.set(tz, (perHour = new Map()));
  let exact = perHour.get(hour);
  if (exact === undefined) {
    exact = exactOffset(tz, hour * HOUR);
    perHour.set(hour, exact);
  }
  return exact;
}

/** UTC instant of a local wall time, given as seconds since the epoch "as if the wall clock were UTC". */
export function localToUtc(tz: string, wall: number): number {
  const first = wall - tzOffset(tz, wall);
  return wall - tzOffset(tz, first);
}

/** Local wall time (as if UTC) of an instant. */
export function utcToLocal(tz: string, sec: number): number {
  return sec + tzOffset(tz, sec);
}

export interface LocalParts {
  /** Days since 1970-01-01 of the local date. */
  localDay: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** Seconds since local midnight. */
  secondOfDay: number;
  hour: number;
}

export function localParts(tz: string, sec: number): LocalParts {
  const wall = utcToLocal(tz, sec);
  const localDay = Math.floor(wall / DAY);
  const secondOfDay = wall - localDay * DAY;
  return { localDay, weekday: (localDay + 4) % 7, secondOfDay, hour: Math.floor(secondOfDay / HOUR) };
}

/** `MM-DD` of a day index (days since 1970-01-01). */
export function monthDay(day: number): string {
  let md = monthDayCache.get(day);
  if (md === undefined) {
    md = new Date(day * DAY * 1000).toISOString().slice(5, 10);
    monthDayCache.set(day, md);
  }
  return md;
}
const monthDayCache = new Map<number, string>();

/** Instant of `secondOfDay` local time on the local calendar day `localDay` in `tz`. */
export function atLocal(tz: string, localDay: number, secondOfDay: number): number {
  return localToUtc(tz, localDay * DAY + Math.round(secondOfDay));
}
