import { randomUUID } from 'node:crypto';
import type { ApplicationForm, Rubric } from '../../../../shared/contracts/funding';
import type { Database } from '../../../db/client';
import { enterprises } from '../../registry/registry.tables';
import { fundingApplications } from '../applications/applications.tables';
import { fundingCalls, fundingPrograms } from '../calls/calls.tables';

/**
 * Test data for review and awards (integration tests only): a program, a call, enterprises and applications
 * already accepted in screening, written straight into the tables, so these tests do not depend on the
 * application workflow's API (tested by its own module).
 */

export const FORM: ApplicationForm = {
  sections: [
    {
      key: 'project',
      title: { en: 'Project' },
      fields: [
        { key: 'projectTitle', type: 'text', label: { en: 'Project title', zh: '项目名称', ur: 'منصوبے کا عنوان' }, required: true },
        { key: 'summary', type: 'longtext', label: { en: 'Summary', zh: '项目简介', ur: 'خلاصہ' }, required: true },
      ],
    },
  ],
};

export const RUBRIC: Rubric = {
  scaleMin: 1,
  scaleMax: 5,
  criteria: [
    { key: 'innovation', name: { en: 'Innovation', zh: '创新性', ur: 'جدت' }, weight: 40 },
    { key: 'market', name: { en: 'Market potential', zh: '市场前景', ur: 'مارکیٹ کی صلاحیت' }, weight: 30 },
    { key: 'team', name: { en: 'Team', zh: '团队', ur: 'ٹیم' }, weight: 30 },
  ],
};

export async function makeCall(
  database: Database,
  opts: { budget?: number; k?: number; loadMin?: number; loadMax?: number; blind?: boolean; status?: 'open' | 'closed'; closesInDays?: number } = {},
) {
  const db = database.db;
  const [program] = await db
    .insert(fundingPrograms)
    .values({ key: `seed-fund-${randomUUID().slice(0, 8)}`, names: { en: 'Seed Fund', zh: '创新基金', ur: 'سیڈ فنڈ' } })
    .returning();
  const [call] = await db
    .insert(fundingCalls)
    .values({
      programId: program.id,
      names: { en: 'Seed Fund 2026', zh: '2026年创新基金', ur: 'سیڈ فنڈ 2026' },
      opensAt: new Date(Date.now() - 30 * 86_400_000),
      closesAt: new Date(Date.now() + (opts.closesInDays ?? -1) * 86_400_000),
      timeZone: 'Asia/Shanghai',
      budget: opts.budget ?? 500_000,
      currency: 'USD',
      instruments: [{ kind: 'grant', min: 150_000, max: 250_000 }],
      eligibilityRules: [],
      form: FORM,
      rubric: RUBRIC,
      reviewersPerApplication: opts.k ?? 2,
      reviewerLoadMin: opts.loadMin ?? 0,
      reviewerLoadMax: opts.loadMax ?? 10,
      blindReview: opts.blind ?? false,
      status: opts.status ?? 'closed',
    })
    .returning();
  return { program, call };
}

export async function makeEnterprise(database: Database, name: string, extra: { province?: string; sector?: string } = {}) {
  const [e] = await database.db
    .insert(enterprises)
    .values({
      names: { en: name },
      country: 'CN',
      province: extra.province ?? '110000',
      sector: extra.sector ?? 'electronic_information',
      employees: 40,
      technicalStaff: 20,
    })
    .returning();
  return e;
}

export async function makeApplication(
  database: Database,
  opts: {
    callId: string;
    enterpriseId: string;
    applicantId: string;
    title: string;
    summary: string;
    amount: number;
    status?: 'accepted' | 'submitted' | 'draft';
  },
) {
  const status = opts.status ?? 'accepted';
  const submitted = status !== 'draft';
  const [a] = await database.db
    .insert(fundingApplications)
    .values({
      callId: opts.callId,
      enterpriseId: opts.enterpriseId,
      applicantId: opts.applicantId,
      status,
      answers: { projectTitle: opts.title, summary: opts.summary },
      instrument: 'grant',
      requestedAmount: opts.amount,
      currency: 'USD',
      submittedAt: submitted ? new Date(Date.now() - 20 * 86_400_000) : null,
      receiptId: submitted ? randomUUID() : null,
      contentHash: submitted ? 'f'.repeat(64) : null,
    })
    .returning();
  return a;
}
