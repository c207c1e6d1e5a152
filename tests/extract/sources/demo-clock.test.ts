/**
 * The demo simulator's building blocks: the seeded random numbers, time-zone conversion across DST, and the
 * support team's working-time arithmetic (shifts, weekend crew, holidays).
 */
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, atLocal, localParts, shopTime, simWindow, zendeskTime } from '../../../extract/sources/demo/clock.ts';
import { createTeam } from '../../../extract/sources/demo/people.ts';
import { Rng } from '../../../extract/sources/demo/random.ts';
import { money } from '../../../extract/sources/demo/records.ts';
import { SupportCalendar } from '../../../extract/sources/demo/support-calendar.ts';

const utc = (iso: string) => Date.parse(iso) / 1000;
const dayOf = (ymd: string) => utc(`${ymd}T00:00:00Z`) / DAY;

describe('Rng', () => {
  it('repeats a sequence for the same seed parts and differs for others', () => {
    const a = new Rng(42, 'orders', 3);
    const b = new Rng(42, 'orders', 3);
    const c = new Rng(42, 'orders', 4);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws uniform, weighted, normal and log-normal values with the right centre', () => {
    const rng = new Rng(1);
    const n = 20000;
    const uniform = Array.from({ length: n }, () => rng.next());
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniform)).toBeLessThan(1);
    expect(uniform.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0.5, 1);
    const picks = Array.from({ length: n }, () => rng.weighted([['a', 3], ['b', 1]] as const));
    expect(picks.filter((p) => p === 'a').length / n).toBeCloseTo(0.75, 1);
    const normal = Array.from({ length: n }, () => rng.normal(10, 2));
    expect(normal.reduce((s, x) => s + x, 0) / n).toBeCloseTo(10, 1);
    const logn = Array.from({ length: n }, () => rng.lognormal(5, 0.8)).sort((x, y) => x - y);
    expect(logn[n / 2]!).toBeGreaterThan(4.7);
    expect(logn[n / 2]!).toBeLessThan(5.3);
    const ints = Array.from({ length: n }, () => rng.int(1, 3));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3]));
  });
});

describe('clock', () => {
  it('formats Zendesk and shop timestamps to the second', () => {
    const t = utc('2026-05-01T09:30:15Z');
    expect(zendeskTime(t)).toBe('2026-05-01T09:30:15Z');
    expect(shopTime(t)).toBe('2026-05-01T17:30:15+08:00');
    expect(shopTime(utc('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
    expect(money(1999)).toBe('19.99');
    expect(money(5)).toBe('0.05');
    expect(money(-250)).toBe('-2.50');
  });

  it('converts local wall time to UTC across daylight saving time', () => {
    expect(atLocal('Europe/Berlin', dayOf('2026-07-01'), 9 * HOUR)).toBe(utc('2026-07-01T07:00:00Z'));
    expect(atLocal('Europe/Berlin', dayOf('2026-12-01'), 9 * HOUR)).toBe(utc('2026-12-01T08:00:00Z'));
    // DST ends on 2026-10-25 at 01:00 UTC: before it 02:00 local is +2, after it the day's evening is +1.
    expect(atLocal('Europe/Berlin', dayOf('2026-10-25'), 20 * HOUR)).toBe(utc('2026-10-25T19:00:00Z'));
    expect(atLocal('America/New_York', dayOf('2026-03-09'), 9 * HOUR)).toBe(utc('2026-03-09T13:00:00Z'));
    expect(atLocal('Australia/Sydney', dayOf('2026-07-01'), 9 * HOUR)).toBe(utc('2026-06-30T23:00:00Z'));
    expect(localParts('Asia/Tokyo', utc('2026-05-01T15:30:00Z'))).toMatchObject({ hour: 0, weekday: 6 });
  });

  it('defines the window as whole UTC days ending with endDate', () => {
    const w = simWindow('2026-10-31', 182);
    expect(zendeskTime(w.start)).toBe('2026-05-03T00:00:00Z');
    expect(zendeskTime(w.end)).toBe('2026-10-31T23:59:59Z');
    expect(() => simWindow('31.10.2026', 10)).toThrow(/YYYY-MM-DD/);
  });
});

describe('support calendar', () => {
  const start = utc('2026-05-03T00:00:00Z');
  const end = utc('2026-10-31T23:59:59Z');
  const team = createTeam(42, start, end);
  const calendar = new SupportCalendar(team, start, 182, end + 60 * DAY);

  it('opens Shenzhen 09:00-23:00 on weekdays and 10:00-19:00 with the weekend crew', () => {
    // Wednesday 2026-06-10, 10:00 Shanghai = 02:00 UTC.
    expect(calendar.isOpen('shenzhen', utc('2026-06-10T02:00:00Z'))).toBe(true);
    expect(calendar.isOpen('shenzhen', utc('2026-06-10T00:30:00Z'))).toBe(false); // 08:30 local
    expect(calendar.isOpen('shenzhen', utc('2026-06-10T14:59:00Z'))).toBe(true); // 22:59 local
    expect(calendar.isOpen('shenzhen', utc('2026-06-10T15:00:00Z'))).toBe(false); // 23:00 local
    // Saturday 2026-06-13: only the weekend crew, 10:00-19:00.
    expect(calendar.isOpen('shenzhen', utc('2026-06-13T01:30:00Z'))).toBe(false); // 09:30 local
    expect(calendar.isOpen('shenzhen', utc('2026-06-13T02:30:00Z'))).toBe(true);
    expect(calendar.isOpen('shenzhen', utc('2026-06-13T11:30:00Z'))).toBe(false); // 19:30 local
  });

  it('adds working time: a message after closing waits for the next shift', () => {
    // Friday 2026-06-12 22:30 Shanghai: 30 working minutes left that day, the rest on Saturday from 10:00.
    const friday = utc('2026-06-12T14:30:00Z');
    expect(calendar.addBusiness('shenzhen', friday, 20 * 60)).toBe(friday + 20 * 60);
    expect(calendar.addBusiness('shenzhen', friday, HOUR)).toBe(utc('2026-06-13T02:30:00Z'));
    // Berlin, Tuesday 2026-06-09 23:00 local (21:00 UTC): an hour of work ends at 09:00 local on Wednesday.
    expect(calendar.addBusiness('berlin', utc('2026-06-09T21:00:00Z'), HOUR)).toBe(utc('2026-06-10T07:00:00Z'));
  });

  it('leaves only the weekend crew on public holidays (Golden Week in Shenzhen)', () => {
    // Thursday 2026-10-01 08:00 local (00:00 UTC): the weekend crew starts at 10:00.
    expect(calendar.addBusiness('shenzhen', utc('2026-10-01T00:00:00Z'), 0)).toBe(utc('2026-10-01T02:00:00Z'));
    const onDuty = new Set<string>();
    for (let i = 0; i < 50; i++) onDuty.add(calendar.agentOnShift('shenzhen', utc('2026-10-01T04:00:00Z'), new Rng(i)).shift);
    expect(onDuty).toEqual(new Set(['weekend']));
    expect(calendar.pressure('shenzhen', utc('2026-10-01T04:00:00Z'))).toBeGreaterThan(calendar.pressure('shenzhen', utc('2026-09-29T04:00:00Z')));
  });

  it('grows the pressure on the team as volume grows and staff leave', () => {
    expect(calendar.pressure('berlin', utc('2026-05-06T10:00:00Z'))).toBeCloseTo(1, 1);
    expect(calendar.pressure('berlin', utc('2026-10-28T10:00:00Z'))).toBeGreaterThan(1.9);
    const leavers = team.agents.filter((a) => a.leftAt !== null);
    expect(leavers.length).toBeGreaterThanOrEqual(1);
    for (const agent of leavers) {
      for (let i = 0; i < 30; i++) {
        const at = agent.leftAt! + i * DAY + 4 * HOUR;
        const picked = calendar.agentOnShift(agent.group.key, at, new Rng(i));
        expect(picked.id).not.toBe(agent.id);
      }
    }
  });
});
