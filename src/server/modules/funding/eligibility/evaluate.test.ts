import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RULE_TEMPLATES } from './default-rules';
import { evaluate, explain, explainReason, type Facts, type RuleResult } from './evaluate';
import type { Rule, Test } from './rules';

const ELIGIBLE: Facts = { doesRnd: true, sector: 'electronic_information', employees: 120, technicalStaff: 48, domesticOwnershipPct: 80 };

const rule = (id: string) => [...DEFAULT_RULES, ...RULE_TEMPLATES].find((r) => r.id === id)!;
const run = (id: string, facts: Facts): RuleResult => evaluate([rule(id)], facts).results[0];
const outcome = (id: string, facts: Facts) => run(id, facts).outcome;
const adhoc = (test: Test): Rule => ({ id: 'adhoc', source: 'test', label: { en: 'x', zh: 'x', ur: 'x' }, test });
const judge = (test: Test, facts: Facts) => evaluate([adhoc(test)], facts).results[0];

describe('the seeds’ default rules', () => {
  it('are exactly the four criteria of seeds/000, in order', () => {
    expect(DEFAULT_RULES.map((r) => r.id)).toEqual(['high_tech_rnd', 'employees_under_500', 'technical_staff_30pct', 'majority_domestic']);
  });

  it('find an enterprise meeting all four eligible', () => {
    const e = evaluate(DEFAULT_RULES, ELIGIBLE);
    expect(e.verdict).toBe('eligible');
    expect(e.results.map((r) => r.outcome)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(e.results.every((r) => r.missingFacts.length === 0 && r.source.startsWith('seeds/'))).toBe(true);
  });

  describe('high-tech R&D in a listed field', () => {
    it('passes for R&D in a listed field', () => {
      expect(outcome('high_tech_rnd', { doesRnd: true, sector: 'biomedicine' })).toBe('pass');
    });
    it('fails without R&D, or outside the listed fields', () => {
      expect(outcome('high_tech_rnd', { doesRnd: false, sector: 'biomedicine' })).toBe('fail');
      const r = run('high_tech_rnd', { doesRnd: true, sector: 'real_estate' });
      expect(r.outcome).toBe('fail');
      expect(r.reason.children).toEqual([{ key: 'eligibility.reason.in_fail', params: expect.objectContaining({ fact: 'sector', actual: 'real_estate' }) }]);
    });
    it('fails when one part fails even though the other is unknown', () => {
      expect(run('high_tech_rnd', { doesRnd: false })).toMatchObject({ outcome: 'fail', missingFacts: [] });
    });
    it('is unknown with the missing facts named', () => {
      expect(run('high_tech_rnd', {})).toMatchObject({ outcome: 'unknown', missingFacts: ['doesRnd', 'sector'] });
      expect(run('high_tech_rnd', { doesRnd: true })).toMatchObject({ outcome: 'unknown', missingFacts: ['sector'] });
    });
  });

  describe('fewer than 500 employees', () => {
    it('passes at 499 and fails at 500 and above, with the figures', () => {
      expect(outcome('employees_under_500', { employees: 1 })).toBe('pass');
      expect(outcome('employees_under_500', { employees: 499 })).toBe('pass');
      expect(outcome('employees_under_500', { employees: 500 })).toBe('fail');
      expect(run('employees_under_500', { employees: 620 }).reason).toEqual({
        key: 'eligibility.reason.compare_fail',
        params: { fact: 'employees', actual: 620, op: 'lt', value: 500 },
      });
    });
    it('is unknown without a headcount', () => {
      expect(run('employees_under_500', {})).toMatchObject({ outcome: 'unknown', missingFacts: ['employees'] });
      expect(run('employees_under_500', { employees: undefined })).toMatchObject({ outcome: 'unknown', missingFacts: ['employees'] });
      expect(run('employees_under_500', { employees: null })).toMatchObject({ outcome: 'unknown', missingFacts: ['employees'] });
    });
  });

  describe('at least 30% technical staff', () => {
    it('passes at exactly 30%, whatever the binary fraction', () => {
      for (const [tech, all] of [
        [30, 100],
        [3, 10],
        [147, 490],
        [150, 500],
        [33, 110],
      ])
        expect(outcome('technical_staff_30pct', { technicalStaff: tech, employees: all }), `${tech}/${all}`).toBe('pass');
      expect(outcome('technical_staff_30pct', { technicalStaff: 200, employees: 200 })).toBe('pass');
    });
    it('fails just below 30%, with both counts and the share', () => {
      expect(outcome('technical_staff_30pct', { technicalStaff: 29, employees: 100 })).toBe('fail');
      expect(outcome('technical_staff_30pct', { technicalStaff: 146, employees: 490 })).toBe('fail');
      expect(run('technical_staff_30pct', { technicalStaff: 40, employees: 200 }).reason).toEqual({
        key: 'eligibility.reason.ratio_fail',
        params: { numerator: 'technicalStaff', denominator: 'employees', numeratorValue: 40, denominatorValue: 200, ratio: 0.2, op: 'gte', value: 0.3 },
      });
    });
    it('is unknown when either count is missing, or there are no employees to take a share of', () => {
      expect(run('technical_staff_30pct', { employees: 100 })).toMatchObject({ outcome: 'unknown', missingFacts: ['technicalStaff'] });
      expect(run('technical_staff_30pct', {})).toMatchObject({ outcome: 'unknown', missingFacts: ['technicalStaff', 'employees'] });
      expect(run('technical_staff_30pct', { technicalStaff: 0, employees: 0 })).toMatchObject({
        outcome: 'unknown',
        reason: { key: 'eligibility.reason.ratio_no_base' },
      });
    });
  });

  describe('majority domestically owned', () => {
    it('passes above 50% and fails at exactly 50%', () => {
      expect(outcome('majority_domestic', { domesticOwnershipPct: 100 })).toBe('pass');
      expect(outcome('majority_domestic', { domesticOwnershipPct: 50.01 })).toBe('pass');
      expect(outcome('majority_domestic', { domesticOwnershipPct: 50 })).toBe('fail');
      expect(outcome('majority_domestic', { domesticOwnershipPct: 0 })).toBe('fail');
    });
    it('is unknown without an ownership figure', () => {
      expect(run('majority_domestic', { employees: 3 })).toMatchObject({ outcome: 'unknown', missingFacts: ['domesticOwnershipPct'] });
    });
  });

  it('gives the verdict: any fail is ineligible, else any unknown is incomplete', () => {
    expect(evaluate(DEFAULT_RULES, { ...ELIGIBLE, employees: 900, technicalStaff: 300 }).verdict).toBe('ineligible');
    expect(evaluate(DEFAULT_RULES, { ...ELIGIBLE, domesticOwnershipPct: undefined }).verdict).toBe('incomplete');
    expect(evaluate(DEFAULT_RULES, { employees: 900 }).verdict).toBe('ineligible');
    expect(evaluate(DEFAULT_RULES, {}).verdict).toBe('incomplete');
    expect(evaluate([], {}).verdict).toBe('eligible');
  });
});

describe('rules a call may add', () => {
  it('one application per enterprise per call', () => {
    expect(outcome('one_application_per_call', { applicationsThisCall: 0 })).toBe('pass');
    expect(outcome('one_application_per_call', { applicationsThisCall: 1 })).toBe('fail');
    expect(outcome('one_application_per_call', { applicationsThisCall: 3 })).toBe('fail');
    expect(run('one_application_per_call', {})).toMatchObject({ outcome: 'unknown', missingFacts: ['applicationsThisCall'] });
  });

  it('a failed acceptance check bars applying for three years, through the third year after it', () => {
    const bar = (lastFailedAcceptanceYear: number | null | undefined, callYear?: number) =>
      run('failed_acceptance_bar', { lastFailedAcceptanceYear, callYear });
    expect(bar(2021, 2021).outcome).toBe('fail');
    expect(bar(2021, 2022).outcome).toBe('fail');
    expect(bar(2021, 2024).outcome).toBe('fail'); // the boundary year: 2024 − 2021 = 3
    expect(bar(2021, 2025).outcome).toBe('pass');
    expect(bar(2010, 2025).outcome).toBe('pass');
    expect(bar(2021, 2024).reason).toEqual({
      key: 'eligibility.reason.window_fail',
      params: { fact: 'lastFailedAcceptanceYear', year: 2021, years: 3, until: 2024, asOf: 'callYear', asOfValue: 2024 },
    });
    // A failure recorded after the call's year did not bar that call.
    expect(bar(2026, 2024)).toMatchObject({ outcome: 'pass', reason: { key: 'eligibility.reason.window_later' } });
    // null is "no failed acceptance on record"; absent is "not known".
    expect(bar(null, 2024)).toMatchObject({ outcome: 'pass', reason: { key: 'eligibility.reason.window_none' } });
    expect(bar(undefined, 2024)).toMatchObject({ outcome: 'unknown', missingFacts: ['lastFailedAcceptanceYear'] });
    expect(bar(2021)).toMatchObject({ outcome: 'unknown', missingFacts: ['callYear'] });
  });

  it('the grant range of seeds/000 and the “Start-up” projects of seeds/001', () => {
    expect(outcome('grant_range', { requestedGrantUsd: 150_000 })).toBe('pass');
    expect(outcome('grant_range', { requestedGrantUsd: 250_000 })).toBe('pass');
    expect(outcome('grant_range', { requestedGrantUsd: 250_001 })).toBe('fail');
    expect(outcome('grant_range', { requestedGrantUsd: 149_999 })).toBe('fail');
    expect(outcome('startup_project_tenant', { tenancyStatus: 'tenant', incubatorInvestment: true })).toBe('pass');
    expect(outcome('startup_project_tenant', { tenancyStatus: 'graduated', incubatorInvestment: true })).toBe('fail');
    expect(run('startup_project_tenant', {})).toMatchObject({
      outcome: 'unknown',
      missingFacts: ['tenancyStatus', 'incubatorInvestment'],
      reason: { key: 'eligibility.reason.missing', params: { facts: ['tenancyStatus', 'incubatorInvestment'] } },
    });
  });

  it('all of them together with the defaults', () => {
    const e = evaluate([...DEFAULT_RULES, rule('one_application_per_call'), rule('failed_acceptance_bar')], {
      ...ELIGIBLE,
      applicationsThisCall: 0,
      lastFailedAcceptanceYear: null,
      callYear: 2025,
    });
    expect(e.verdict).toBe('eligible');
  });
});

describe('the engine', () => {
  it('treats values of the wrong type as unknown, never as pass or fail', () => {
    expect(judge({ op: 'lt', fact: 'employees', value: 500 }, { employees: '420' })).toMatchObject({
      outcome: 'unknown',
      missingFacts: ['employees'],
      reason: { key: 'eligibility.reason.invalid', params: { fact: 'employees', got: '"420"' } },
    });
    expect(judge({ op: 'lt', fact: 'employees', value: 500 }, { employees: Number.NaN }).outcome).toBe('unknown');
    expect(judge({ op: 'eq', fact: 'doesRnd', value: true }, { doesRnd: 'yes' }).outcome).toBe('unknown');
    expect(judge({ op: 'in', fact: 'sector', values: ['a'] }, { sector: 1 }).outcome).toBe('unknown');
    expect(judge({ op: 'in', fact: 'sector', values: ['a'] }, { sector: ['a'] }).outcome).toBe('unknown');
  });

  it('reads only the facts’ own properties', () => {
    expect(judge({ op: 'eq', fact: 'constructor', value: 'x' }, {}).outcome).toBe('unknown');
    expect(judge({ op: 'eq', fact: 'toString', value: 'x' }, Object.create({ toString: 'x' })).outcome).toBe('unknown');
  });

  it('combines with three-valued logic', () => {
    const lt = { op: 'lt', fact: 'a', value: 1 } as const;
    const gt = { op: 'gt', fact: 'b', value: 1 } as const;
    expect(judge({ op: 'any', tests: [lt, gt] }, { b: 2 }).outcome).toBe('pass');
    expect(judge({ op: 'any', tests: [lt, gt] }, { b: 0 })).toMatchObject({ outcome: 'unknown', missingFacts: ['a'] });
    expect(judge({ op: 'any', tests: [lt, gt] }, { a: 5, b: 0 })).toMatchObject({ outcome: 'fail', reason: { key: 'eligibility.reason.any_fail' } });
    expect(judge({ op: 'all', tests: [lt, gt] }, { a: 0, b: 2 }).outcome).toBe('pass');
    expect(judge({ op: 'not', test: lt }, { a: 0 })).toMatchObject({ outcome: 'fail', reason: { key: 'eligibility.reason.not_fail' } });
    expect(judge({ op: 'not', test: lt }, { a: 3 })).toMatchObject({ outcome: 'pass', reason: { key: 'eligibility.reason.not_pass' } });
    expect(judge({ op: 'not', test: lt }, {})).toMatchObject({ outcome: 'unknown', missingFacts: ['a'] });
  });

  it('answers unknown to a test it does not know, instead of throwing', () => {
    const bad = { op: 'between', fact: 'x' } as unknown as Test;
    expect(judge(bad, { x: 1 })).toMatchObject({ outcome: 'unknown', reason: { key: 'eligibility.reason.bad_test', params: { op: 'between' } } });
  });

  it('is deterministic and gives JSON that reads back the same', () => {
    const facts = { ...ELIGIBLE, employees: 620, domesticOwnershipPct: 50 };
    const a = evaluate([...DEFAULT_RULES, ...RULE_TEMPLATES], facts);
    expect(evaluate([...DEFAULT_RULES, ...RULE_TEMPLATES], facts)).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});

describe('explanations', () => {
  const failing = evaluate([...DEFAULT_RULES, rule('failed_acceptance_bar')], {
    doesRnd: true,
    sector: 'real_estate',
    employees: 620,
    technicalStaff: 124,
    domesticOwnershipPct: 50,
    lastFailedAcceptanceYear: 2021,
    callYear: 2024,
  });
  const reasons = (lang: 'en' | 'zh' | 'ur') => Object.fromEntries(explain(failing, lang).rules.map((r) => [r.ruleId, r.reason]));

  it('state the figures in English', () => {
    const r = reasons('en');
    expect(r.employees_under_500).toBe('Employees: 620 — must be less than 500');
    expect(r.technical_staff_30pct).toBe('Technical staff / Employees: 124 of 620 = 20% — must be at least 30%');
    expect(r.majority_domestic).toBe('Domestic ownership (%): 50 — must be more than 50');
    expect(r.high_tech_rnd).toContain('real_estate');
    expect(r.high_tech_rnd).toContain('electronic information');
    expect(r.failed_acceptance_bar).toBe('Year of the last failed project acceptance check: 2021 — a 3-year bar applies through 2024; the call is in 2024');
    expect(explain(failing, 'en')).toMatchObject({ verdict: 'ineligible', verdictText: 'Not eligible' });
  });

  it('state the figures in Chinese, with the official terms', () => {
    const r = reasons('zh');
    expect(r.employees_under_500).toBe('从业人员为620，不符合少于500的要求');
    expect(r.technical_staff_30pct).toBe('科技人员占从业人员的比例为20%（124/620），不符合不低于30%的要求');
    expect(r.majority_domestic).toContain('50');
    expect(r.high_tech_rnd).toContain('电子信息');
    expect(r.failed_acceptance_bar).toContain('2021年');
    expect(r.failed_acceptance_bar).toContain('2024年');
    expect(explain(failing, 'zh').verdictText).toBe('不符合申报条件');
    expect(explain(failing, 'zh').rules[1].label).toBe('从业人员少于500人');
  });

  it('state the figures in Urdu, in Urdu script', () => {
    const r = reasons('ur');
    expect(r.employees_under_500).toBe('ملازمین: 620 — 500 سے کم ہونا لازم ہے');
    expect(r.technical_staff_30pct).toContain('620 میں سے 124 = 20%');
    expect(r.technical_staff_30pct).toContain('کم از کم 30%');
    expect(r.majority_domestic).toContain('50 سے زیادہ');
    expect(r.failed_acceptance_bar).toContain('2021');
    expect(r.failed_acceptance_bar).toContain('2024');
    expect(explain(failing, 'ur').verdictText).toBe('اہل نہیں');
    for (const text of Object.values(r)) expect(text).toMatch(/[\u0600-\u06FF]/);
  });

  it('name what is missing, and say yes and no, in every language', () => {
    const e = evaluate(DEFAULT_RULES, { doesRnd: false, sector: 'aerospace' });
    const en = explain(e, 'en');
    expect(en.verdictText).toBe('Not eligible');
    expect(en.rules[0].reason).toBe('Engaged in high-tech R&D: no — required: yes');
    expect(en.rules[2].reason).toBe('Not yet known: Technical staff and Employees');
    expect(explain(e, 'zh').rules[0].reason).toBe('从事高新技术研发：否，要求为是');
    expect(explain(e, 'zh').rules[2].reason).toBe('尚缺信息：科技人员和从业人员');
    expect(explain(e, 'ur').rules[0].reason).toBe('ہائی ٹیک تحقیق و ترقی میں مصروف: نہیں — مطلوب: ہاں');
    expect(explain(e, 'ur').rules[1].reason).toBe('ابھی معلوم نہیں: ملازمین');
  });

  it('render passing reasons and combinators', () => {
    const e = evaluate(DEFAULT_RULES, ELIGIBLE);
    const en = explain(e, 'en');
    expect(en.verdictText).toBe('Eligible');
    expect(en.rules[0].reason).toBe('Engaged in high-tech R&D: yes, as required; High-tech field: electronic information, one of those listed');
    expect(en.rules[2].reason).toBe('Technical staff / Employees: 48 of 120 = 40% — at least 30%, as required');
    expect(explain(e, 'zh').rules[0].reason).toBe('从事高新技术研发：是，符合要求；高新技术领域：电子信息，属于所列范围');
    const not = evaluate([adhoc({ op: 'not', test: { op: 'eq', fact: 'sector', value: 'aerospace' } })], { sector: 'aerospace' });
    expect(explain(not, 'en').rules[0].reason).toBe('Excluded condition holds: High-tech field: aerospace, as required');
    expect(explainReason({ key: 'eligibility.reason.ratio_no_base', params: { numerator: 'technicalStaff', denominator: 'employees' } }, 'en')).toBe(
      'Technical staff / Employees cannot be computed: Employees is 0',
    );
  });

  it('fall back to the fact’s name for facts the catalogue does not know', () => {
    const e = evaluate([adhoc({ op: 'gte', fact: 'patentsFiled', value: 2 })], { patentsFiled: 1 });
    expect(explain(e, 'zh').rules[0].reason).toBe('patentsFiled为1，不符合不低于2的要求');
  });
});
