/**
 * The state a simulation run shares across days: options, window, the team and its calendar, the catalogue,
 * the customer pool (for repeat buyers), uniqueness sets for generated identifiers, creation counters, and the
 * growing lists of everything simulated so far.
 */
import type { Catalog } from './catalog.ts';
import { DAY, HOUR, localParts } from './clock.ts';
import type { Order, Return, Review, Ticket } from './model.ts';
import type { Customer, Team } from './people.ts';
import type { Rng } from './random.ts';
import type { SupportCalendar } from './support-calendar.ts';
import type { SimWindow } from './clock.ts';

export interface SimOptions {
  seed: number;
  scale: number;
  endDate: string;
  days: number;
}

export interface SimContext {
  options: SimOptions;
  window: SimWindow;
  /** Nothing after this instant is simulated (it would be cut at the window's end anyway). */
  horizon: number;
  team: Team;
  calendar: SupportCalendar;
  catalog: Catalog;
  customers: Customer[];
  /** Customers per `market|platform`, for repeat purchases. */
  pools: Map<string, Customer[]>;
  emails: Set<string>;
  orderNames: Set<string>;
  reviewIds: Set<string>;
  /** Creation counters (internal order) and id counters (numbered as records are finalised). */
  seq: {
    customer: number;
    order: number;
    ticket: number;
    message: number;
    change: number;
    review: number;
    ret: number;
    lineId: number;
    fulfillmentId: number;
    shopifyCustomerId: number;
  };
  orders: Order[];
  tickets: Ticket[];
  returns: Return[];
  reviews: Review[];
}

/**
 * When a customer gets round to writing something they would write at `t`: at night (23:00-07:00 local) only as
 * many are up as the daily rhythm says (DIURNAL); the others write the next morning, spread over the morning
 * hours as the rhythm ramps up, not all at seven.
 */
export function wakingTime(rng: Rng, timeZone: string, t: number): number {
  const { hour, secondOfDay } = localParts(timeZone, t);
  if (hour >= 7 && hour < 23) return t;
  if (rng.chance(DIURNAL[hour]![1] / DIURNAL_PEAK)) return t;
  const toMorning = hour < 7 ? 7 * HOUR - secondOfDay : DAY - secondOfDay + 7 * HOUR;
  return t + toMorning + rng.weighted(MORNING) * HOUR + rng.int(0, HOUR - 1);
}

/** Customers' local hour-of-day activity (messages and orders), 0..23. */
export const DIURNAL: readonly (readonly [number, number])[] = [
  0.35, 0.2, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.5, 2.1, 2.5, 2.6, 2.5, 2.4, 2.3, 2.2, 2.1, 2.1, 2.2, 2.5, 2.7, 2.5, 1.7, 0.9,
].map((w, hour) => [hour, w] as const);

const DIURNAL_PEAK = Math.max(...DIURNAL.map(([, w]) => w));

/** Hours after 07:00 at which night-time writers write next morning: the morning ramp of DIURNAL (07-12). */
const MORNING: readonly (readonly [number, number])[] = DIURNAL.slice(7, 13).map(([hour, w]) => [hour - 7, w] as const);

/** A second of the local day following the customers' daily rhythm. */
export function diurnalSecond(rng: Rng): number {
  return rng.weighted(DIURNAL) * HOUR + rng.int(0, HOUR - 1);
}
