import { describe, expect, it } from 'vitest';
import { callPhase, callYear, canTransition, formatDeadline } from './call-rules';

const call = { status: 'open' as const, opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-03-01T09:00:00Z') };

describe('call window', () => {
  it('accepts inside [opensAt, closesAt) of an open call only', () => {
    expect(callPhase(call, new Date('2026-12-31T23:59:59Z'))).toBe('upcoming');
    expect(callPhase(call, new Date('2027-01-01T00:00:00Z'))).toBe('accepting');
    expect(callPhase(call, new Date('2027-03-01T08:59:59.999Z'))).toBe('accepting');
    expect(callPhase(call, new Date('2027-03-01T09:00:00Z'))).toBe('ended');
    expect(callPhase({ ...call, status: 'closed' }, new Date('2027-02-01T00:00:00Z'))).toBe('ended');
    expect(callPhase({ ...call, status: 'draft' }, new Date('2027-02-01T00:00:00Z'))).toBe('upcoming');
  });

  it('writes the deadline in the call’s time zone and takes the call year there', () => {
    expect(formatDeadline(call.closesAt, 'Asia/Shanghai', 'en')).toBe('1 March 2027 at 17:00 (Asia/Shanghai)');
    expect(formatDeadline(call.closesAt, 'Asia/Karachi', 'en')).toContain('14:00');
    expect(callYear(new Date('2026-12-31T20:00:00Z'), 'Asia/Shanghai')).toBe(2027);
    expect(callYear(new Date('2026-12-31T20:00:00Z'), 'UTC')).toBe(2026);
  });

  it('allows only the officer’s transitions', () => {
    expect(canTransition('draft', 'open')).toBe(true);
    expect(canTransition('open', 'draft')).toBe(false);
    expect(canTransition('results_published', 'open')).toBe(false);
  });
});
