import { describe, expect, it } from 'vitest';
import { formatForInput, formatPercent, parseNumber } from './number';

const value = (s: string) => {
  const p = parseNumber(s);
  return p.ok ? p.value : p.reason;
};

describe('parseNumber', () => {
  it('reads plain and grouped numbers', () => {
    expect(value('1234')).toBe(1234);
    expect(value('1,234,567.5')).toBe(1234567.5);
    expect(value(' 12 345 ')).toBe(12345);
    expect(value('12,34,567')).toBe(1234567);
    expect(value('0.25')).toBe(0.25);
    expect(value('.5')).toBe(0.5);
    expect(value('-3')).toBe(-3);
    expect(value('−3')).toBe(-3);
    expect(value('-0')).toBe(0);
  });
  it('reads the digits of Urdu, Arabic and Chinese keyboards', () => {
    expect(value('۱۲۳۴')).toBe(1234);
    expect(value('١٬٢٣٤٫٥')).toBe(1234.5);
    expect(value('１２３，４５６')).toBe(123456);
    expect(value('\u200e-1,234')).toBe(-1234);
  });
  it('treats an empty field as no value', () => {
    expect(value('')).toBeNull();
    expect(value('   ')).toBeNull();
  });
  it('refuses what is not a number, with a reason', () => {
    expect(value('abc')).toBe('notNumber');
    expect(value('12a')).toBe('notNumber');
    expect(value('1.2.3')).toBe('notNumber');
    expect(value('-')).toBe('notNumber');
    expect(value('1e5')).toBe('notNumber');
    expect(value('50%')).toBe('notNumber');
    expect(value('1,2')).toBe('grouping');
    expect(value('1234,567')).toBe('grouping');
    expect(value('1234567890123456')).toBe('tooLong');
  });
  it('reads back what it formats, in every language', () => {
    for (const lng of ['en', 'zh', 'ur'] as const) {
      for (const n of [0, 7, 1234567.25, -98765]) expect(value(formatForInput(n, lng))).toBe(n);
    }
  });
});

describe('formatPercent', () => {
  it('formats shares for the locale', () => {
    expect(formatPercent(0.8765, 'en')).toBe('87.7%');
    expect(formatPercent(null, 'en')).toBe('');
  });
});
