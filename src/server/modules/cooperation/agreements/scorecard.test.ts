import { describe, expect, it } from 'vitest';
import { addDays, agreementProblems, canMoveStatus, commitmentState, daysBetween, scorecard } from './scorecard';

const today = '2024-06-15';

describe('commitment state', () => {
  it('is due up to and on its due date, overdue from the next day, with the days past due', () => {
    expect(commitmentState({ status: 'open', dueOn: '2024-06-30', deliveredOn: null }, today)).toEqual({ state: 'due', daysLate: 0 });
    expect(commitmentState({ status: 'open', dueOn: today, deliveredOn: null }, today)).toEqual({ state: 'due', daysLate: 0 });
    expect(commitmentState({ status: 'open', dueOn: '2024-06-14', deliveredOn: null }, today)).toEqual({ state: 'overdue', daysLate: 1 });
    expect(commitmentState({ status: 'open', dueOn: '2024-05-16', deliveredOn: null }, today)).toEqual({ state: 'overdue', daysLate: 30 });
  });

  it('is delivered when delivered by the due date (early too), delivered late after it — whatever today is', () => {
    expect(commitmentState({ status: 'delivered', dueOn: '2024-06-01', deliveredOn: '2024-06-01' }, today)).toEqual({ state: 'delivered', daysLate: 0 });
    expect(commitmentState({ status: 'delivered', dueOn: '2024-09-01', deliveredOn: '2024-06-01' }, today)).toEqual({ state: 'delivered', daysLate: 0 });
    expect(commitmentState({ status: 'delivered', dueOn: '2024-06-01', deliveredOn: '2024-06-11' }, today)).toEqual({ state: 'delivered_late', daysLate: 10 });
  });

  it('is cancelled when cancelled, even past due', () => {
    expect(commitmentState({ status: 'cancelled', dueOn: '2020-01-01', deliveredOn: null }, today)).toEqual({ state: 'cancelled', daysLate: 0 });
  });
});

describe('scorecard', () => {
  it('has no score while nothing has fallen due', () => {
    expect(scorecard([], today)).toEqual({ total: 0, delivered: 0, deliveredOnTime: 0, deliveredLate: 0, overdue: 0, due: 0, cancelled: 0, score: null });
    expect(
      scorecard(
        [
          { status: 'open', dueOn: '2024-12-31', deliveredOn: null },
          { status: 'cancelled', dueOn: '2024-01-01', deliveredOn: null },
        ],
        today,
      ),
    ).toMatchObject({
      total: 2,
      due: 1,
      cancelled: 1,
      score: null,
    });
  });

  it('scores the share of fallen-due commitments delivered on time; an overdue one lowers it, late delivery does not count as on time', () => {
    const onTime = { status: 'delivered', dueOn: '2024-06-01', deliveredOn: '2024-05-30' };
    const late = { status: 'delivered', dueOn: '2024-06-01', deliveredOn: '2024-06-05' };
    const overdue = { status: 'open', dueOn: '2024-06-10', deliveredOn: null };
    const notYet = { status: 'open', dueOn: '2024-07-10', deliveredOn: null };
    expect(scorecard([onTime, notYet], today).score).toBe(100);
    expect(scorecard([onTime, overdue, notYet], today)).toEqual({
      total: 3,
      delivered: 1,
      deliveredOnTime: 1,
      deliveredLate: 0,
      overdue: 1,
      due: 1,
      cancelled: 0,
      score: 50,
    });
    expect(scorecard([onTime, late, overdue], today)).toMatchObject({ delivered: 2, deliveredOnTime: 1, deliveredLate: 1, overdue: 1, score: 33 });
    expect(scorecard([overdue], today).score).toBe(0);
    // The same open commitment before and after its due date: the score drops when it falls overdue.
    expect(scorecard([onTime, overdue], '2024-06-10').score).toBe(100);
    expect(scorecard([onTime, overdue], '2024-06-11').score).toBe(50);
  });
});

describe('agreement rules', () => {
  it('refuses a validity that ends before it starts', () => {
    expect(agreementProblems({ status: 'draft', validFrom: '2024-01-01', validUntil: '2023-12-31' }, today)).toEqual([
      { path: 'validUntil', rule: 'valid_until_before_from' },
    ]);
    expect(agreementProblems({ status: 'draft', validFrom: '2024-01-01', validUntil: '2024-01-01' }, today)).toEqual([]);
    expect(agreementProblems({ status: 'draft', validFrom: null, validUntil: '2020-01-01' }, today)).toEqual([]);
  });

  it('lets a draft carry a signing date to come, but publishes only what is signed', () => {
    expect(agreementProblems({ status: 'draft', signedOn: '2024-07-01' }, today)).toEqual([]);
    expect(agreementProblems({ status: 'published', signedOn: '2024-07-01' }, today)).toEqual([{ path: 'signedOn', rule: 'signed_in_future' }]);
    expect(agreementProblems({ status: 'published', signedOn: today }, today)).toEqual([]);
    expect(agreementProblems({ status: 'published', signedOn: null }, today)).toEqual([]);
  });

  it('moves draft → published → terminated only', () => {
    expect(canMoveStatus('draft', 'published')).toBe(true);
    expect(canMoveStatus('published', 'terminated')).toBe(true);
    expect(canMoveStatus('published', 'published')).toBe(true);
    expect(canMoveStatus('published', 'draft')).toBe(false);
    expect(canMoveStatus('draft', 'terminated')).toBe(false);
    expect(canMoveStatus('terminated', 'published')).toBe(false);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-12-28', 7)).toBe('2025-01-04');
  });
});
