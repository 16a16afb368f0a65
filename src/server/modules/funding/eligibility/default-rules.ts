import { SECTORS } from '../../../../shared/contracts/registry';
import type { Rule } from './rules';

/**
 * The seed fund's default eligibility rules, as the seeds state them. The one passage that gives the
 * Innofund criteria is in the newsletter seeds/000 (section "Seed Funding (Innofund)"):
 *
 *   "Innofund applicants have to be in high-tech R&D, have less than 500 people, at least 30 percent of
 *    the employees have to be technical and the majority of the company owned by Chinese."
 *
 * seeds/001 (Torch Center brochure) describes whom Innofund targets ("technology-based SMEs", projects "in
 * their early stages of commercialization") without thresholds; seeds/002 says nothing on Innofund
 * eligibility. Each `source` is `seeds/<file>#<phrase>`, and a test checks that the phrase occurs in the seed.
 */
const INNOFUND = 'seeds/000_d1407c9116085406.txt';

export const DEFAULT_RULES: Rule[] = [
  {
    id: 'high_tech_rnd',
    source: `${INNOFUND}#Innofund applicants have to be in high-tech R&D`,
    label: {
      en: 'Engaged in high-tech R&D in a listed high-tech field',
      zh: '从事所列高新技术领域的研发活动',
      ur: 'فہرست میں شامل کسی ہائی ٹیک شعبے میں ہائی ٹیک تحقیق و ترقی',
    },
    note: 'The seed says only "high-tech R&D" and lists no fields. The fields are the registry\'s taxonomy (SECTORS: China\'s eight key supported high-tech fields); a call may narrow or replace the list.',
    test: {
      op: 'all',
      tests: [
        { op: 'eq', fact: 'doesRnd', value: true },
        { op: 'in', fact: 'sector', values: [...SECTORS] },
      ],
    },
  },
  {
    id: 'employees_under_500',
    source: `${INNOFUND}#have less than 500 people`,
    label: { en: 'Fewer than 500 employees', zh: '从业人员少于500人', ur: '500 سے کم ملازمین' },
    note: 'The seed counts "people"; the rule reads the enterprise\'s employee headcount.',
    test: { op: 'lt', fact: 'employees', value: 500 },
  },
  {
    id: 'technical_staff_30pct',
    source: `${INNOFUND}#at least 30 percent of the employees have to be technical`,
    label: {
      en: 'At least 30% of employees are technical staff',
      zh: '科技人员占从业人员总数的比例不低于30%',
      ur: 'کم از کم 30 فیصد ملازمین تکنیکی عملہ ہوں',
    },
    test: { op: 'gte', ratio: ['technicalStaff', 'employees'], value: 0.3 },
  },
  {
    id: 'majority_domestic',
    source: `${INNOFUND}#the majority of the company owned by Chinese`,
    label: {
      en: 'Majority domestically owned (more than 50%)',
      zh: '内资控股（内资持股比例超过50%）',
      ur: 'اکثریتی ملکیت ملکی (50 فیصد سے زیادہ)',
    },
    note: 'The seed says "owned by Chinese": domestic means the country of the program. A majority is more than half, so exactly 50% does not qualify.',
    test: { op: 'gt', fact: 'domesticOwnershipPct', value: 50 },
  },
];

/**
 * Rules a call may add, expressed in the same engine. The first two come from issue 4, not from the seeds;
 * the others state what the seeds say about Innofund's instruments.
 */
export const RULE_TEMPLATES: Rule[] = [
  {
    id: 'one_application_per_call',
    source: 'Seedbed issue 4 (a call rule; not in the seeds)',
    label: { en: 'One application per enterprise per call', zh: '每家企业每个申报批次限报一项', ur: 'ہر ادارہ ہر طلبی میں صرف ایک درخواست' },
    note: "The caller computes applicationsThisCall: the enterprise's other submitted applications in this call, not counting the one evaluated.",
    test: { op: 'lte', fact: 'applicationsThisCall', value: 0 },
  },
  {
    id: 'failed_acceptance_bar',
    source: 'Seedbed issue 4 (a call rule; not in the seeds)',
    label: {
      en: 'A failed project acceptance check bars applying for three years',
      zh: '项目验收不合格的，三年内不得申报',
      ur: 'منصوبے کی قبولیت جانچ میں ناکامی پر تین سال تک درخواست دینے پر پابندی',
    },
    note: 'Years are whole calendar years: a failure in 2021 bars the calls of 2021 to 2024. lastFailedAcceptanceYear is null when the enterprise has no failed acceptance check on record.',
    test: { op: 'not_within_years', fact: 'lastFailedAcceptanceYear', years: 3, asOf: 'callYear' },
  },
  {
    id: 'grant_range',
    source: `${INNOFUND}#Innofund offers grants ($150,000-$250,000)`,
    label: {
      en: 'Requested grant between US$150,000 and US$250,000',
      zh: '申请资助金额在15万至25万美元之间',
      ur: 'درخواست کردہ گرانٹ 150,000 سے 250,000 امریکی ڈالر کے درمیان',
    },
    note: 'The seed gives the range as what Innofund offers ("about"), in US dollars; a call sets its own range and currency.',
    test: {
      op: 'all',
      tests: [
        { op: 'gte', fact: 'requestedGrantUsd', value: 150_000 },
        { op: 'lte', fact: 'requestedGrantUsd', value: 250_000 },
      ],
    },
  },
  {
    id: 'startup_project_tenant',
    source:
      'seeds/001_55069fa1c9af000a.txt#Innofund has provided grants to “Start-up” projects undertaken by tenant companies which received investments from selected incubators',
    label: {
      en: "“Start-up” project of an incubator tenant that received its incubator's investment",
      zh: '由获得孵化器投资的在孵企业承担的“创业”项目',
      ur: 'ایسے زیرِ انکیوبیشن ادارے کا “اسٹارٹ اپ” منصوبہ جس میں انکیوبیٹر نے سرمایہ کاری کی ہو',
    },
    note: 'For calls of the Roadmap Scheme\'s "Start-up" line (from 2005). Whether the incubator is one of the "selected" incubators is for the call to decide.',
    test: {
      op: 'all',
      tests: [
        { op: 'eq', fact: 'tenancyStatus', value: 'tenant' },
        { op: 'eq', fact: 'incubatorInvestment', value: true },
      ],
    },
  },
];
