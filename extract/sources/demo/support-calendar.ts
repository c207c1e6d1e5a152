/**
 * When the support team works: each agent's shift in the local time of their group (weekdays, or Wednesday to
 * Sunday for the weekend crew, who also cover the group's public holidays), merged into the group's opening
 * intervals. Answers "is the group open", "add N working seconds", "who is on shift now" and "how stretched is
 * the team" (volume growth over staff still employed, worse on skeleton-crew days).
 */
import { DAY, HOUR, atLocal, localParts, monthDay } from './clock.ts';
import { volumeIndex } from './demand.ts';
import type { Rng } from './random.ts';
import type { Agent, Team } from './people.ts';
import { GROUPS, SHIFTS, type GroupSpec } from './world.ts';

type GroupKey = GroupSpec['key'];

interface ShiftSlot {
  agent: Agent;
  start: number;
  end: number;
}

interface GroupCalendar {
  group: GroupSpec;
  firstDay: number;
  /** Per local day (from firstDay): the shifts worked that day. */
  slots: ShiftSlot[][];
  /** Per local day: only the weekend crew works (weekend or holiday). */
  skeleton: boolean[];
  /** Merged opening intervals, sorted. */
  starts: number[];
  ends: number[];
  /** Load-weighted staff at the start of the window. */
  baseStaff: number;
  agents: Agent[];
  /** Per local day: pressure, filled on first use. */
  pressure: number[];
}

const WEEKEND_CREW_DAYS = new Set([0, 3, 4, 5, 6]);

export class SupportCalendar {
  private readonly groups = new Map<GroupKey, GroupCalendar>();

  constructor(
    team: Team,
    private readonly windowStart: number,
    private readonly days: number,
    horizonEnd: number,
  ) {
    for (const group of GROUPS) {
      const agents = team.agents.filter((a) => a.group.key === group.key);
      const firstDay = localParts(group.timeZone, windowStart - 60 * DAY).localDay;
      const lastDay = localParts(group.timeZone, horizonEnd).localDay;
      const slots: ShiftSlot[][] = [];
      const skeleton: boolean[] = [];
      const starts: number[] = [];
      const ends: number[] = [];
      for (let day = firstDay; day <= lastDay; day++) {
        const weekday = (day + 4) % 7;
        const holiday = group.holidays.includes(monthDay(day));
        const dayStart = atLocal(group.timeZone, day, 0);
        const daySlots: ShiftSlot[] = [];
        for (const agent of agents) {
          if (agent.createdAt > dayStart || (agent.leftAt !== null && agent.leftAt <= dayStart)) continue;
          const works = agent.shift === 'weekend' ? WEEKEND_CREW_DAYS.has(weekday) : weekday >= 1 && weekday <= 5 && !holiday;
          if (!works) continue;
          const [from, to] = SHIFTS[group.key][agent.shift];
          daySlots.push({ agent, start: atLocal(group.timeZone, day, from * HOUR), end: atLocal(group.timeZone, day, to * HOUR) });
        }
        slots.push(daySlots);
        skeleton.push(weekday === 0 || weekday === 6 || holiday);
        // Merge the day's shifts into opening intervals (shifts never cross midnight).
        const sorted = [...daySlots].sort((a, b) => a.start - b.start);
        for (const slot of sorted) {
          const last = ends.length - 1;
          if (last >= 0 && slot.start <= ends[last]!) ends[last] = Math.max(ends[last]!, slot.end);
          else {
            starts.push(slot.start);
            ends.push(slot.end);
          }
        }
      }
      const baseStaff = agents
        .filter((a) => a.createdAt <= windowStart && (a.leftAt === null || a.leftAt > windowStart))
        .reduce((sum, a) => sum + a.load, 0);
      this.groups.set(group.key, { group, firstDay, slots, skeleton, starts, ends, baseStaff, agents, pressure: [] });
    }
  }

  private calendar(key: GroupKey): GroupCalendar {
    return this.groups.get(key)!;
  }

  /** Index of the first opening interval that ends after `t`. */
  private intervalAfter(cal: GroupCalendar, t: number): number {
    let lo = 0;
    let hi = cal.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cal.ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isOpen(key: GroupKey, t: number): boolean {
    const cal = this.calendar(key);
    const i = this.intervalAfter(cal, t);
    return i < cal.starts.length && cal.starts[i]! <= t;
  }

  /** The instant after `t` when `seconds` of the group's opening time have passed. */
  addBusiness(key: GroupKey, t: number, seconds: number): number {
    const cal = this.calendar(key);
    let i = this.intervalAfter(cal, t);
    let left = Math.max(0, seconds);
    let at = t;
    while (i < cal.starts.length) {
      const from = Math.max(at, cal.starts[i]!);
      const available = cal.ends[i]! - from;
      if (left < available) return Math.min(cal.ends[i]! - 1, Math.round(from + left));
      left -= available;
      i++;
      at = cal.ends[i - 1]!;
    }
    return Infinity;
  }

  /** An agent working at `t` (weighted by their share of the load); falls back to anyone still employed. */
  agentOnShift(key: GroupKey, t: number, rng: Rng): Agent {
    const cal = this.calendar(key);
    const day = localParts(cal.group.timeZone, t).localDay - cal.firstDay;
    const slots = cal.slots[day] ?? [];
    const on = slots.filter((s) => s.start <= t && t < s.end);
    const pool = on.length > 0 ? on.map((s) => s.agent) : slots.length > 0 ? slots.map((s) => s.agent) : this.employed(cal, t);
    return rng.weighted(pool.map((a) => [a, a.load] as const));
  }

  /** Is `agent` on shift at `t`? */
  onShift(agent: Agent, t: number): boolean {
    const cal = this.calendar(agent.group.key);
    const day = localParts(cal.group.timeZone, t).localDay - cal.firstDay;
    return (cal.slots[day] ?? []).some((s) => s.agent === agent && s.start <= t && t < s.end);
  }

  private employed(cal: GroupCalendar, t: number): Agent[] {
    const list = cal.agents.filter((a) => a.createdAt <= t && (a.leftAt === null || a.leftAt > t));
    return list.length > 0 ? list : cal.agents;
  }

  /**
   * How stretched the group is at `t`, 1.0 on an ordinary weekday at the start of the window: shop volume
   * growth over the share of the original staff still employed, times a skeleton-crew factor.
   */
  pressure(key: GroupKey, t: number): number {
    const cal = this.calendar(key);
    const day = localParts(cal.group.timeZone, t).localDay - cal.firstDay;
    let value = cal.pressure[day];
    if (value === undefined) {
      // Evaluated once per local day, at noon.
      const noon = atLocal(cal.group.timeZone, cal.firstDay + day, 12 * HOUR);
      const dayIndex = Math.floor((noon - this.windowStart) / DAY);
      const staff = this.employed(cal, noon).reduce((sum, a) => sum + a.load, 0);
      const skeleton = cal.skeleton[day] ?? false;
      value = ((volumeIndex(dayIndex, this.days) * cal.baseStaff) / Math.max(1, staff)) * (skeleton ? 1.8 : 1);
      cal.pressure[day] = value;
    }
    return value;
  }
}
