import { describe, expect, it } from 'vitest';
import { evaluate, RULE_TEMPLATES } from '../eligibility';
import { acceptanceFacts, proposeAcceptance } from './acceptance';

describe('acceptance check', () => {
  const m = (...states: ('planned' | 'reported' | 'approved' | 'rejected')[]) => states.map((state) => ({ state }));

  it('proposes passed, basically passed or failed from the milestones, with the reason', () => {
    expect(proposeAcceptance(m('approved', 'approved', 'approved'))).toMatchObject({ outcome: 'passed', reason: { key: 'all_approved' } });
    expect(proposeAcceptance(m('approved', 'approved', 'reported'))).toMatchObject({ outcome: 'basically_passed', reason: { key: 'mostly_approved' } });
    expect(proposeAcceptance(m('approved', 'planned', 'reported'))).toMatchObject({ outcome: 'failed', reason: { key: 'too_few_approved' } });
    expect(proposeAcceptance(m('approved', 'approved', 'rejected'))).toMatchObject({ outcome: 'failed', reason: { key: 'rejected_milestone' } });
    expect(proposeAcceptance([])).toMatchObject({ outcome: 'failed', reason: { key: 'no_milestones' } });
  });

  it('feeds the eligibility engine: a failed check bars the enterprise for three years', () => {
    const bar = RULE_TEMPLATES.filter((r) => r.id === 'failed_acceptance_bar');
    const facts = acceptanceFacts([
      { outcome: 'failed', decidedOn: '2023-06-30' },
      { outcome: 'passed', decidedOn: '2025-01-10' },
    ]);
    expect(facts).toEqual({ lastFailedAcceptanceYear: 2023 });
    expect(evaluate(bar, { ...facts, callYear: 2026 }).verdict).toBe('ineligible');
    expect(evaluate(bar, { ...facts, callYear: 2027 }).verdict).toBe('eligible');
    const clean = acceptanceFacts([{ outcome: 'basically_passed', decidedOn: '2024-01-01' }]);
    expect(clean).toEqual({ lastFailedAcceptanceYear: null });
    expect(evaluate(bar, { ...clean, callYear: 2026 }).verdict).toBe('eligible');
  });
});
