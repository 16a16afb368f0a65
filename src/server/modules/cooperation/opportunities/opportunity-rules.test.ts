import { describe, expect, it } from 'vitest';
import { canDecide, canWithdraw, datesInOrder, isAccepting, refusalOf } from './opportunity-rules';

describe('opportunity rules', () => {
  it('accepts while open and not past the deadline; an offer with no deadline stays open (seeds/000)', () => {
    expect(isAccepting({ status: 'open', deadline: null }, '2030-01-01')).toBe(true);
    expect(isAccepting({ status: 'open', deadline: '2026-03-01' }, '2026-03-01')).toBe(true);
    expect(isAccepting({ status: 'open', deadline: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isAccepting({ status: 'closed', deadline: null }, '2026-03-01')).toBe(false);
    expect(isAccepting({ status: 'draft', deadline: null }, '2026-03-01')).toBe(false);
  });
  it('says why an application is refused', () => {
    expect(refusalOf({ status: 'closed', deadline: null }, '2026-01-01')).toBe('closed');
    expect(refusalOf({ status: 'draft', deadline: null }, '2026-01-01')).toBe('draft');
    expect(refusalOf({ status: 'open', deadline: '2025-12-31' }, '2026-01-01')).toBe('past_deadline');
    expect(refusalOf({ status: 'open', deadline: null, opensOn: '2026-02-01' }, '2026-01-01')).toBe('not_yet_open');
    expect(refusalOf({ status: 'open', deadline: '2026-01-01', opensOn: '2025-12-01' }, '2026-01-01')).toBeNull();
  });
  it('keeps deadlines on or after the opening day', () => {
    expect(datesInOrder('2026-01-01', '2025-12-31')).toBe(false);
    expect(datesInOrder('2026-01-01', '2026-01-01')).toBe(true);
    expect(datesInOrder(null, '2026-01-01')).toBe(true);
  });
  it('a withdrawn application is final; a declined one cannot be withdrawn', () => {
    expect(canDecide('withdrawn')).toBe(false);
    expect(canDecide('submitted')).toBe(true);
    expect(canWithdraw('declined')).toBe(false);
    expect(canWithdraw('shortlisted')).toBe(true);
  });
});
