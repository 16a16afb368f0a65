import { describe, expect, it } from 'vitest';
import { daysLeft, expiryOf, formatCompact, formatDay, formatMoney, formatPercent, formatPublished, trlRange } from './format';

describe('formatMoney', () => {
  it('writes the amount in its own currency', () => {
    expect(formatMoney(1200000, 'CNY', 'en')).toBe('CN¥1,200,000');
    expect(formatMoney(2500.5, 'USD', 'en')).toBe('$2,500.50');
    expect(formatMoney(1200000, 'PKR', 'en')).toMatch(/PKR\s?1,200,000/);
  });
  it('writes digits as the reader’s language does', () => {
    expect(formatMoney(1200000, 'CNY', 'zh')).toBe('¥1,200,000');
  });
  it('is a dash without an amount, and a plain figure without a currency', () => {
    expect(formatMoney(null, 'CNY', 'en')).toBe('—');
    expect(formatMoney(12.5, null, 'en')).toBe('12.5');
  });
  it('keeps an unknown currency code beside the figure', () => {
    expect(formatMoney(10, 'XYZ1', 'en')).toBe('10 XYZ1');
  });
});

describe('formatCompact and formatPercent', () => {
  it('shortens large figures', () => {
    expect(formatCompact(1_200_000, 'en')).toBe('1.2M');
    expect(formatCompact(155_100_000_000, 'zh')).toBe('1551亿');
  });
  it('keeps a published figure’s decimals', () => {
    expect(formatPublished(1140.7, 'en')).toBe('1,140.7');
    expect(formatPublished(15.97, 'en')).toBe('15.97');
    expect(formatPublished(260000, 'zh')).toBe('260,000');
  });
  it('writes shares as percentages', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('formatDay', () => {
  it('keeps a calendar date on its day whatever the time zone', () => {
    expect(formatDay('2026-03-01', 'en')).toBe('Mar 1, 2026');
  });
  it('is a dash without a date', () => {
    expect(formatDay(null, 'en')).toBe('—');
  });
});

describe('expiryOf', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('tells expired, soon (within 30 days) and current apart', () => {
    expect(expiryOf('2025-12-31T00:00:00Z', now)).toBe('expired');
    expect(expiryOf('2026-01-20T00:00:00Z', now)).toBe('soon');
    expect(expiryOf('2026-06-01T00:00:00Z', now)).toBe('current');
    expect(expiryOf(null, now)).toBeNull();
  });
  it('counts the days left', () => {
    expect(daysLeft('2026-01-20T00:00:00Z', now)).toBe(19);
  });
});

describe('trlRange', () => {
  it('names open and closed ranges', () => {
    expect(trlRange(4, 7)).toEqual({ key: 'between', min: 4, max: 7 });
    expect(trlRange(4, undefined)).toEqual({ key: 'from', min: 4 });
    expect(trlRange(undefined, 7)).toEqual({ key: 'upTo', max: 7 });
    expect(trlRange(undefined, undefined)).toBeNull();
  });
});
