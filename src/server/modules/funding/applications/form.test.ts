import { describe, expect, it } from 'vitest';
import { ApplicationForm } from '../../../../shared/contracts/funding';
import { eligibleAnswers } from '../calls/call-fixtures';
import { demoForm } from '../calls/demo-call';
import { canonicalJson, checkRequest, contentHash, factsFromAnswers, submittedAnswers, validateSubmission, visibleFieldKeys } from './form';

const form = ApplicationForm.parse(demoForm());
const instruments = [{ kind: 'grant' as const, min: 150_000, max: 250_000 }];

describe('application form rules', () => {
  it('shows a conditional field only when the field it depends on has a listed value', () => {
    expect(visibleFieldKeys(form, { ipHeld: false }).has('patents')).toBe(false);
    expect(visibleFieldKeys(form, { ipHeld: true }).has('patents')).toBe(true);
    expect(visibleFieldKeys(form, {}).has('cofundingAmount')).toBe(false);
  });

  it('requires visible required answers and files, checks types and the instrument range', () => {
    const ok = validateSubmission({
      form,
      answers: eligibleAnswers(),
      attachmentCounts: { businessPlan: 1 },
      instruments,
      instrument: 'grant',
      requestedAmount: 200_000,
    });
    expect(ok).toEqual([]);
    const issues = validateSubmission({
      form,
      answers: { ...eligibleAnswers(), employees: -1, sector: 'tobacco', startDate: '2027-13-45', hasCofunding: true },
      attachmentCounts: {},
      instruments,
      instrument: 'grant',
      requestedAmount: 100_000,
    });
    expect(issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'answers.employees:below_min',
      'answers.sector:not_an_option',
      'answers.startDate:not_date',
      'answers.cofundingAmount:required',
      'answers.businessPlan:required',
      'requestedAmount:below_min',
    ]);
    expect(checkRequest(instruments, 'equity', 1, true)).toEqual([{ path: 'instrument', code: 'not_offered' }]);
  });

  it('turns answers into eligibility facts, ignoring hidden and blank answers', () => {
    expect(factsFromAnswers(form, { employees: 12, doesRnd: true, sector: '' })).toEqual({ employees: 12, doesRnd: true });
  });

  it('submits only visible answers and hashes canonical content (key order does not matter)', () => {
    const answers = { ...eligibleAnswers(), patents: 4 }; // patents hidden: ipHeld is false
    expect(submittedAnswers(form, answers)).not.toHaveProperty('patents');
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 1 }] })).toBe('{"a":[{"c":1,"d":2}],"b":1}');
    const content = {
      callId: 'c',
      enterpriseId: 'e',
      answers: { a: 1, b: 'x' },
      instrument: 'grant' as const,
      requestedAmount: 1,
      currency: 'USD',
      attachments: [],
    };
    const h = contentHash(content);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...content, answers: { b: 'x', a: 1 } })).toBe(h);
    expect(contentHash({ ...content, answers: { a: 2, b: 'x' } })).not.toBe(h);
  });
});
