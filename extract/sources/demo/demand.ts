/**
 * How much the demo shop sells each day: a volume index that grows across the window (the business grows while
 * the support team does not), a weekly rhythm, and marketplace promotion days. Orders per day and the support
 * team's workload both follow it.
 */
import { DAY, monthDay } from './clock.ts';
import type { Platform } from './world.ts';

/** Growth of daily volume from the first to the last day of the window (1.0 = doubles). */
export const GROWTH = 0.9;

/** Volume relative to the first day of the window; days before the window stay at 1. */
export function volumeIndex(dayIndex: number, days: number): number {
  const progress = Math.min(1, Math.max(0, dayIndex / Math.max(1, days - 1)));
  return 1 + GROWTH * progress;
}

/** 0 = Sunday ... 6 = Saturday. */
const WEEKDAY_FACTOR = [1.08, 1.06, 1.0, 0.98, 0.97, 0.93, 0.98];

export function weekdayFactor(dayStart: number): number {
  return WEEKDAY_FACTOR[(Math.floor(dayStart / DAY) + 4) % 7]!;
}

/** Marketplace promotions (`MM-DD` in UTC) that multiply one platform's orders. */
const PROMOTIONS: readonly { days: readonly string[]; platform: Platform; factor: number }[] = [
  { days: ['07-14', '07-15'], platform: 'amazon', factor: 2.6 },
  { days: ['10-07', '10-08'], platform: 'amazon', factor: 1.8 },
];

export function promotionFactor(dayStart: number, platform: Platform): number {
  const md = monthDay(Math.floor(dayStart / DAY));
  for (const promo of PROMOTIONS) if (promo.platform === platform && promo.days.includes(md)) return promo.factor;
  return 1;
}

/** Expected orders of the day relative to the others (volume x weekday x an average promotion lift). */
export function dayWeight(dayIndex: number, days: number, dayStart: number): number {
  const promo = 1 + 0.45 * (promotionFactor(dayStart, 'amazon') - 1);
  return volumeIndex(dayIndex, days) * weekdayFactor(dayStart) * promo;
}
