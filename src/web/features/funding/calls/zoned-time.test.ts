import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zoned-time';

describe('wall-clock times in the call’s time zone', () => {
  it('reads and writes the deadline as the officer means it, whatever the browser’s zone', () => {
    expect(fromZonedInput('2027-03-01T17:00', 'Asia/Shanghai')).toBe('2027-03-01T09:00:00.000Z');
    expect(toZonedInput('2027-03-01T09:00:00.000Z', 'Asia/Shanghai')).toBe('2027-03-01T17:00');
    expect(fromZonedInput('2027-03-01T17:00', 'Asia/Karachi')).toBe('2027-03-01T12:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(fromZonedInput('2027-07-01T12:00', 'Europe/London')).toBe('2027-07-01T11:00:00.000Z');
    expect(fromZonedInput('2027-01-01T12:00', 'Europe/London')).toBe('2027-01-01T12:00:00.000Z');
    expect(toZonedInput(fromZonedInput('2027-10-31T03:30', 'Europe/London')!, 'Europe/London')).toBe('2027-10-31T03:30');
  });

  it('refuses what is not a date-time', () => {
    expect(fromZonedInput('tomorrow', 'UTC')).toBeNull();
    expect(toZonedInput('nonsense', 'UTC')).toBe('');
  });
});
