import { describe, expect, it } from 'vitest';
import { newLoadId } from '../../../extract/core/loads.ts';

describe('newLoadId', () => {
  it('sorts in creation order even when many ids are made in the same millisecond', () => {
    const now = new Date('2026-11-23T12:05:01.123Z');
    const ids = Array.from({ length: 50 }, () => newLoadId(now));
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^20261123T12050\d{4}Z-[0-9a-f]{6}$/);
  });
});
