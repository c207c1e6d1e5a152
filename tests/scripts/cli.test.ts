import { afterEach, describe, expect, it } from 'vitest';
import { applyDemoFlags, DEMO_FLAGS, parseArgs } from '../../scripts/lib/cli.ts';
import { loadConfig } from '../../extract/core/config.ts';
import { UserError } from '../../extract/core/errors.ts';

const spec = { quiet: 'switch', source: 'value', ...DEMO_FLAGS } as const;

describe('parseArgs', () => {
  it('reads values, inline values and switches', () => {
    expect(parseArgs(['--scale', '500', '--seed=7', '--quiet'], spec)).toEqual({ scale: '500', seed: '7', quiet: true });
  });

  it('refuses an unknown option, naming the accepted ones', () => {
    expect(() => parseArgs(['--scal', '500'], spec)).toThrow(UserError);
    expect(() => parseArgs(['--scal', '500'], spec)).toThrow(/unknown option --scal; this command accepts --quiet, --source, --seed/);
  });

  it('refuses a value flag without its value and a switch with one', () => {
    expect(() => parseArgs(['--scale'], spec)).toThrow('--scale needs a value');
    expect(() => parseArgs(['--scale', '--quiet'], spec)).toThrow('--scale needs a value');
    expect(() => parseArgs(['--quiet=yes'], spec)).toThrow('--quiet takes no value');
    expect(() => parseArgs(['stray'], spec)).toThrow(/unexpected argument "stray"/);
  });
});

describe('applyDemoFlags', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('overrides the demo settings, and loadConfig validates them', () => {
    applyDemoFlags(parseArgs(['--seed', '7', '--scale', '500', '--days', '30', '--end-date', '2026-06-30'], spec));
    expect(loadConfig().demo).toEqual({ seed: 7, scale: 500, days: 30, endDate: '2026-06-30' });
    applyDemoFlags(parseArgs(['--scale', 'many'], spec));
    expect(() => loadConfig()).toThrow(/CSW_DEMO_SCALE/);
  });
});

describe('loadConfig: reporting currency', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('defaults to USD, upper-cases a code and refuses anything but three letters', () => {
    delete process.env.CSW_REPORTING_CURRENCY;
    expect(loadConfig().reportingCurrency).toBe('USD');
    process.env.CSW_REPORTING_CURRENCY = 'eur';
    expect(loadConfig().reportingCurrency).toBe('EUR');
    process.env.CSW_REPORTING_CURRENCY = 'euro';
    expect(() => loadConfig()).toThrow(/CSW_REPORTING_CURRENCY use a three-letter ISO 4217 code/);
  });
});
