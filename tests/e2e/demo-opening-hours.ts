/**
 * The demo support teams' opening hours as extract/sources/demo/README.md states them ("Groups and hours"), and
 * business time worked out from them in plain TypeScript (Intl for time zones and daylight saving), without the
 * warehouse's seeds, clock or SQL: the independent answer the end-to-end test compares the warehouse with.
 */

export interface Team {
  timeZone: string;
  /** Monday to Friday, local hours [open, close). */
  weekday: [number, number];
  /** Saturday, Sunday and holidays. */
  weekendAndHolidays: [number, number];
  /** Holidays as MM-DD, every year. */
  holidays: string[];
}

export const DEMO_TEAMS: Record<string, Team> = {
  'demo-360000100001': {
    timeZone: 'Asia/Shanghai',
    weekday: [9, 23],
    weekendAndHolidays: [10, 19],
    holidays: ['01-01', '05-01', '05-02', '05-03', '05-04', '05-05', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
  },
  'demo-360000100002': {
    timeZone: 'Europe/Berlin',
    weekday: [8, 21],
    weekendAndHolidays: [9, 17],
    holidays: ['01-01', '05-01', '10-03', '12-25', '12-26'],
  },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset (ms) at instant `t`. */
function offsetAt(timeZone: string, t: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(t / 1000) * 1000;
}

const instants = new Map<string, number>();

/** The instant (ms) of local wall-clock `hour`:00 on local day `dayUtc` (midnight UTC of that calendar date). */
function atLocalHour(timeZone: string, dayUtc: number, hour: number): number {
  const key = `${timeZone} ${dayUtc} ${hour}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const wall = dayUtc + hour * HOUR;
    const guess = wall - offsetAt(timeZone, wall);
    instant = wall - offsetAt(timeZone, guess);
    instants.set(key, instant);
  }
  return instant;
}

/** Business seconds of `team` between two instants (ms since the epoch, whole seconds). */
export function businessSeconds(team: Team, start: number, end: number): number {
  let total = 0;
  // Local dates from the day before the start to the day after the end cover every interval that can overlap.
  const first = Math.floor(start / DAY) * DAY - DAY;
  const last = Math.floor(end / DAY) * DAY + DAY;
  for (let day = first; day <= last; day += DAY) {
    const date = new Date(day);
    const monthDay = `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
    const weekday = date.getUTCDay();
    const [from, to] =
      weekday === 0 || weekday === 6 || team.holidays.includes(monthDay) ? team.weekendAndHolidays : team.weekday;
    const open = atLocalHour(team.timeZone, day, from);
    const close = atLocalHour(team.timeZone, day, to);
    total += Math.max(0, Math.min(end, close) - Math.max(start, open));
  }
  return total / 1000;
}

/** Whether `team` is open at instant `t` (ms). */
export function isOpen(team: Team, t: number): boolean {
  return businessSeconds(team, t, t + 1000) > 0;
}
