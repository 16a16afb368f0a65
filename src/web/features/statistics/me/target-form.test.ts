import { describe, expect, it } from 'vitest';
import { rowsOf, scopeChoices, type TargetFormState, targetBody } from './target-form';

const state: TargetFormState = {
  indicator: 'tenants',
  scope: 'country:PK',
  direction: 'increase',
  measured: true,
  baseYear: 2021,
  baseValue: '',
  targets: [
    { year: 2022, basis: 'change', amount: 7.5 },
    { year: 2023, basis: 'delta', amount: 0.15 },
    { year: 2024, basis: 'value', amount: 130 },
  ],
  atRisk: 90,
  offTrack: 60,
};

describe('the target form', () => {
  it('sends a measured baseline and each target with its one basis, a change in percent as a fraction', () => {
    expect(targetBody(state)).toEqual({
      indicator: 'tenants',
      scope: 'country:PK',
      direction: 'increase',
      baseline: { year: 2021, measured: true },
      targets: [
        { year: 2022, change: 0.075 },
        { year: 2023, delta: 0.15 },
        { year: 2024, value: 130 },
      ],
      thresholds: { atRisk: 0.9, offTrack: 0.6 },
    });
    expect(targetBody({ ...state, measured: false, baseValue: 104 }).baseline).toEqual({ year: 2021, value: 104 });
  });

  it('shows the targets as they were set, and sends them back unchanged', () => {
    const rows = rowsOf([
      { year: 2022, basis: 'change', amount: 0.075, value: 111.8 },
      { year: 2023, basis: 'delta', amount: 0.15, value: 1.8 },
    ]);
    expect(rows).toEqual([
      { year: 2022, basis: 'change', amount: 7.5 },
      { year: 2023, basis: 'delta', amount: 0.15 },
    ]);
    expect(targetBody({ ...state, targets: rows }).targets).toEqual([
      { year: 2022, change: 0.075 },
      { year: 2023, delta: 0.15 },
    ]);
  });

  it("offers every return and the policy's own scopes, the policy's usual one first", () => {
    const indicator = (scope: string) => ({ scope }) as never;
    const policy = { goals: [{ indicators: [indicator('country:PK'), indicator('country:PK'), indicator('national')] }] } as never;
    expect(scopeChoices(policy)).toEqual({ scopes: ['national', 'country:PK'], usual: 'country:PK' });
    expect(scopeChoices({ goals: [] })).toEqual({ scopes: ['national'], usual: 'national' });
  });
});
