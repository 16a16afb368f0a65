import { eq } from 'drizzle-orm';
import { type ApplicationForm, CallInput, type FormField, type Rubric, type Text3 } from '../../../../shared/contracts/funding';
import { SECTORS } from '../../../../shared/contracts/registry';
import { serverI18n } from '../../../../shared/i18n';
import { withTransaction, writeAudit } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { DEFAULT_RULES } from '../eligibility/default-rules';
import { fundingCalls, fundingPrograms } from './calls.tables';

/**
 * The demo seed-fund program and one open call, loaded with the reference data set so a new user sees a
 * living call at once. What comes from the seeds says so: the program (seeds/000, "Seed Funding
 * (Innofund)": set up in 1999, grants of $150,000–$250,000, loan interest subsidies and equity investment)
 * and the eligibility rules (the seeds' default Innofund rules of ../eligibility/default-rules.ts, each citing
 * seeds/000). The call itself — its dates, budget, form and rubric — is a demonstration, marked as such.
 */
export const INNOFUND_SOURCE = 'seeds/000_d1407c9116085406.txt#Seed Funding (Innofund)';
export const DEMO_PROGRAM_KEY = 'innofund';
export const DEMO_CALL_KEY = 'innofund-demo-call';

const t = (en: string, zh: string, ur: string): Text3 => ({ en, zh, ur });

function sectorOptions() {
  const i18n = serverI18n();
  return SECTORS.map((s) => ({
    value: s,
    label: t(
      i18n.t(`messages:eligibility.values.sector.${s}`, { lng: 'en' }),
      i18n.t(`messages:eligibility.values.sector.${s}`, { lng: 'zh' }),
      i18n.t(`messages:eligibility.values.sector.${s}`, { lng: 'ur' }),
    ),
  }));
}

const field = (f: Omit<FormField, 'required'> & { required?: boolean }): FormField => ({ required: false, ...f });

export function demoForm(): ApplicationForm {
  return {
    sections: [
      {
        key: 'enterprise',
        title: t('The enterprise', '企业情况', 'ادارہ'),
        description: t(
          'Prefilled from the registry where it knows the answer; correct anything out of date.',
          '已根据企业名录预先填写；如有过时信息请更正。',
          'جہاں رجسٹری کو جواب معلوم ہے وہاں پہلے سے بھرا گیا ہے؛ پرانی معلومات درست کریں۔',
        ),
        fields: [
          field({
            key: 'employees',
            type: 'number',
            label: t('Employees (headcount)', '从业人员（人数）', 'ملازمین (تعداد)'),
            help: t('Everyone on the payroll at the end of last month.', '上月末在册的全部人员。', 'پچھلے مہینے کے آخر میں تنخواہ پانے والے تمام افراد۔'),
            required: true,
            min: 0,
            fact: 'employees',
          }),
          field({
            key: 'technicalStaff',
            type: 'number',
            label: t('Technical staff (headcount)', '科技人员（人数）', 'تکنیکی عملہ (تعداد)'),
            help: t(
              'Researchers, engineers and technicians: at least 30% of employees (seeds/000).',
              '研究人员、工程师和技术人员：不低于从业人员的30%（seeds/000）。',
              'محققین، انجینئر اور ٹیکنیشن: ملازمین کا کم از کم 30 فیصد (seeds/000)۔',
            ),
            required: true,
            min: 0,
            fact: 'technicalStaff',
          }),
          field({
            key: 'domesticOwnershipPct',
            type: 'number',
            label: t('Domestic ownership (%)', '内资持股比例（%）', 'ملکی ملکیت (%)'),
            required: true,
            min: 0,
            max: 100,
            fact: 'domesticOwnershipPct',
          }),
          field({
            key: 'sector',
            type: 'select',
            label: t('High-tech field', '高新技术领域', 'ہائی ٹیک شعبہ'),
            required: true,
            options: sectorOptions(),
            fact: 'sector',
          }),
          field({
            key: 'doesRnd',
            type: 'boolean',
            label: t('The enterprise does high-tech R&D', '企业从事高新技术研发', 'ادارہ ہائی ٹیک تحقیق و ترقی کرتا ہے'),
            required: true,
            fact: 'doesRnd',
          }),
        ],
      },
      {
        key: 'project',
        title: t('The project', '项目', 'منصوبہ'),
        fields: [
          field({ key: 'title', type: 'text', label: t('Project title', '项目名称', 'منصوبے کا عنوان'), required: true, max: 200 }),
          field({
            key: 'summary',
            type: 'longtext',
            label: t('What the project will achieve', '项目将实现的目标', 'منصوبہ کیا حاصل کرے گا'),
            help: t(
              'The technology, the market and the milestones, in plain words. Reviewers read this first.',
              '用平实的语言说明技术、市场和里程碑。评审专家首先阅读此部分。',
              'ٹیکنالوجی، مارکیٹ اور سنگِ میل سادہ الفاظ میں۔ جائزہ کار سب سے پہلے یہی پڑھتے ہیں۔',
            ),
            required: true,
            min: 50,
            max: 5000,
          }),
          field({ key: 'startDate', type: 'date', label: t('Planned start', '计划开始日期', 'متوقع آغاز'), required: true }),
          field({
            key: 'ipHeld',
            type: 'boolean',
            label: t('The enterprise holds intellectual property for this project', '企业拥有本项目的知识产权', 'ادارے کے پاس اس منصوبے کی دانشورانہ املاک ہے'),
          }),
          field({
            key: 'patents',
            type: 'number',
            label: t('Invention patents granted', '已授权发明专利数', 'منظور شدہ ایجاد کے پیٹنٹ'),
            min: 0,
            required: true,
            visibleWhen: { field: 'ipHeld', in: [true] },
          }),
          field({
            key: 'partners',
            type: 'multiselect',
            label: t('Partners in the project', '项目合作方', 'منصوبے کے شراکت دار'),
            options: [
              { value: 'university', label: t('university', '高校', 'یونیورسٹی') },
              { value: 'institute', label: t('research institute', '科研院所', 'تحقیقی ادارہ') },
              { value: 'incubator', label: t('incubator', '孵化器', 'انکیوبیٹر') },
              { value: 'foreign', label: t('foreign partner', '境外合作方', 'غیر ملکی شراکت دار') },
            ],
          }),
        ],
      },
      {
        key: 'finance',
        title: t('Money', '资金', 'رقم'),
        fields: [
          field({
            key: 'projectBudget',
            type: 'money',
            label: t('Total project budget (US$)', '项目总预算（美元）', 'منصوبے کا کل بجٹ (امریکی ڈالر)'),
            required: true,
            min: 0,
          }),
          field({
            key: 'hasCofunding',
            type: 'boolean',
            label: t('Other money committed to the project', '已有其他资金投入本项目', 'منصوبے کے لیے دوسری رقم کا وعدہ ہے'),
            help: t(
              'Bank loans, investors, own funds. The fund reports the money each award brings in (leverage).',
              '银行贷款、投资者、自有资金。基金会报告每项资助带动的资金（杠杆）。',
              'بینک قرض، سرمایہ کار، اپنی رقم۔ فنڈ ہر ایوارڈ سے آنے والی رقم (لیوریج) رپورٹ کرتا ہے۔',
            ),
          }),
          field({
            key: 'cofundingAmount',
            type: 'money',
            label: t('Other money committed (US$)', '其他已承诺资金（美元）', 'وعدہ شدہ دوسری رقم (امریکی ڈالر)'),
            required: true,
            min: 0,
            visibleWhen: { field: 'hasCofunding', in: [true] },
          }),
          field({
            key: 'cofundingSource',
            type: 'text',
            label: t('From whom', '资金来源', 'کس سے'),
            visibleWhen: { field: 'hasCofunding', in: [true] },
          }),
        ],
      },
      {
        key: 'documents',
        title: t('Documents', '材料', 'دستاویزات'),
        fields: [
          field({
            key: 'businessPlan',
            type: 'file',
            label: t('Business plan (PDF)', '商业计划书（PDF）', 'کاروباری منصوبہ (PDF)'),
            help: t('At most 10 MB; PDF, images or XLSX.', '不超过10 MB；PDF、图片或 XLSX。', 'زیادہ سے زیادہ 10 MB؛ PDF، تصاویر یا XLSX۔'),
            required: true,
            maxFiles: 1,
          }),
          field({
            key: 'financials',
            type: 'file',
            label: t('Financial statements (XLSX or PDF)', '财务报表（XLSX 或 PDF）', 'مالی گوشوارے (XLSX یا PDF)'),
            maxFiles: 3,
          }),
        ],
      },
    ],
  };
}

export const demoRubric = (): Rubric => ({
  scaleMin: 0,
  scaleMax: 10,
  criteria: [
    { key: 'innovation', name: t('Innovation of the technology', '技术创新性', 'ٹیکنالوجی کی جدت'), weight: 30 },
    { key: 'market', name: t('Market potential', '市场前景', 'مارکیٹ کی صلاحیت'), weight: 25 },
    { key: 'team', name: t('Team and capability', '团队与能力', 'ٹیم اور صلاحیت'), weight: 20 },
    { key: 'feasibility', name: t('Feasibility of the plan and budget', '计划与预算的可行性', 'منصوبے اور بجٹ کی عملیت'), weight: 25 },
  ],
});

/** The demo call's definition for a program, with its window around `now` (open for the next 60 days). */
export function demoCallInput(programId: string, now = new Date()): CallInput {
  const opens = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1, 0, 0));
  // 17:00 Beijing time (09:00 UTC), 60 days on.
  const closes = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 60, 9, 0));
  return {
    programId,
    key: DEMO_CALL_KEY,
    names: t('Innofund seed grants — demonstration call', '创新基金种子资助——演示批次', 'انوفنڈ سیڈ گرانٹس — نمائشی طلبی'),
    description: t(
      'A demonstration call of the Innofund-style seed fund. The instruments and the eligibility rules are those the seeds give for Innofund (seeds/000); the dates, budget, form and rubric are examples.',
      '仿创新基金的种子基金演示批次。资助方式和申报条件取自种子文件对创新基金的描述（seeds/000）；日期、预算、申报表和评分标准为示例。',
      'انوفنڈ طرز کے سیڈ فنڈ کی نمائشی طلبی۔ مالیاتی ذرائع اور اہلیت کے اصول وہی ہیں جو دستاویزات انوفنڈ کے لیے دیتی ہیں (seeds/000)؛ تاریخیں، بجٹ، فارم اور معیار مثالیں ہیں۔',
    ),
    opensAt: opens.toISOString(),
    closesAt: closes.toISOString(),
    timeZone: 'Asia/Shanghai',
    budget: 5_000_000,
    currency: 'USD',
    instruments: [
      {
        kind: 'grant',
        min: 150_000,
        max: 250_000,
        note: t('seeds/000: grants ($150,000–$250,000)', 'seeds/000：资助（15万–25万美元）', 'seeds/000: گرانٹس (150,000–250,000 ڈالر)'),
      },
      { kind: 'loan_interest_subsidy', min: 10_000, max: 100_000 },
      { kind: 'equity', min: 100_000, max: 500_000 },
    ],
    eligibilityRules: DEFAULT_RULES,
    form: demoForm(),
    rubric: demoRubric(),
    reviewersPerApplication: 3,
    reviewerLoadMin: 0,
    reviewerLoadMax: 15,
    blindReview: false,
    seniorReviewerRequired: false,
  };
}

/**
 * Loads (once) the demo program and its open call; an existing call is left alone (it may have
 * applications). Returns what it created.
 */
export async function loadFundingReference(ctx: Ctx, now = new Date()): Promise<{ program: boolean; call: boolean }> {
  return withTransaction(ctx, async (tx) => {
    const created = { program: false, call: false };
    let [program] = await tx.select().from(fundingPrograms).where(eq(fundingPrograms.key, DEMO_PROGRAM_KEY));
    if (!program) {
      [program] = await tx
        .insert(fundingPrograms)
        .values({
          key: DEMO_PROGRAM_KEY,
          names: t(
            'Innovation Fund for Technology-based SMEs (Innofund)',
            '科技型中小企业技术创新基金（创新基金）',
            'ٹیکنالوجی پر مبنی چھوٹے اور درمیانے اداروں کا اختراعی فنڈ (انوفنڈ)',
          ),
          description: t(
            'Set up in 1999; grants ($150,000–$250,000), loan interest subsidies and equity investment for early-stage technology companies with innovative technology and good market potential that are too early for banks or VCs (seeds/000).',
            '1999年设立；为拥有创新技术和良好市场前景、但尚不足以获得银行或风险投资的早期科技企业提供资助（15万–25万美元）、贷款贴息和股权投资（seeds/000）。',
            '1999 میں قائم؛ جدید ٹیکنالوجی اور اچھی مارکیٹ صلاحیت رکھنے والی ابتدائی مرحلے کی کمپنیوں کے لیے، جو بینکوں یا وینچر کیپیٹل کے لیے ابھی قبل از وقت ہیں، گرانٹس (150,000–250,000 ڈالر)، قرض کے سود پر سبسڈی اور ایکویٹی سرمایہ کاری (seeds/000)۔',
          ),
          source: INNOFUND_SOURCE,
        })
        .returning();
      await writeAudit(tx, ctx, { action: 'funding.program.create', entityType: 'funding_program', entityId: program.id, after: program });
      created.program = true;
    }
    const [call] = await tx.select({ id: fundingCalls.id }).from(fundingCalls).where(eq(fundingCalls.key, DEMO_CALL_KEY));
    if (!call) {
      const input = CallInput.parse(demoCallInput(program.id, now));
      const [row] = await tx
        .insert(fundingCalls)
        .values({
          ...input,
          eligibilityRules: DEFAULT_RULES,
          opensAt: new Date(input.opensAt),
          closesAt: new Date(input.closesAt),
          seniorReviewerRequired: false,
          status: 'open',
          source: `${INNOFUND_SOURCE} (instruments, eligibility rules); dates, budget, form and rubric are a demonstration`,
        })
        .returning();
      await writeAudit(tx, ctx, { action: 'funding.call.create', entityType: 'funding_call', entityId: row.id, after: row });
      created.call = true;
    }
    return created;
  });
}
