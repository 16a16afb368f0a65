import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../platform/context';
import { translate } from '../../../../shared/i18n';
import { callResults, panelDecisions, reviewScores } from '../review/review.tables';
import { applicationStatusCounts, callsOf, enterpriseNames, type Reader } from '../review/sources';
import { awards, milestoneReports } from './awards.tables';
import { awardLeverage, groupLeverage, LEVERAGE_SOURCE, SEED_REPORTED_LEVERAGE } from './leverage';
import { followOnByAward } from './awards';

/**
 * Outcome reporting of the seed fund (issue 4): leverage per award, per call and per program, and the
 * dashboard — funnel from draft to award, time to decision, leverage, distribution by province and sector,
 * outcome indicators — with an XLSX export of the same figures.
 */

export async function leverageReport(ctx: Ctx, filter: { programId?: string; callId?: string }) {
  const db = ctx.database.db;
  const calls = await callsOf(db, filter);
  const callIds = calls.map((c) => c.id);
  const rows = callIds.length ? await db.select().from(awards).where(inArray(awards.callId, callIds)) : [];
  const follow = await followOnByAward(
    db,
    rows.map((r) => r.id),
  );
  const money = rows.map((a) => ({
    awardId: a.id,
    currency: a.currency,
    amount: Number(a.amount),
    followOn: follow.get(a.id) ?? [],
    callId: a.callId,
    programId: a.programId,
  }));
  const names = await enterpriseNames(db, [...new Set(rows.map((r) => r.enterpriseId))]);
  const programs = new Map<string, (typeof calls)[number]['programNames']>();
  for (const c of calls) programs.set(c.programId, c.programNames);
  return {
    source: LEVERAGE_SOURCE,
    seedReported: SEED_REPORTED_LEVERAGE,
    programs: [...programs].map(([programId, n]) => ({ programId, names: n, figures: groupLeverage(money.filter((m) => m.programId === programId)) })),
    calls: calls.map((c) => ({ callId: c.id, names: c.names, figures: groupLeverage(money.filter((m) => m.callId === c.id)) })),
    awards: rows.map((a) => ({
      awardId: a.id,
      title: a.title,
      enterpriseName: names.get(a.enterpriseId)?.en ?? '',
      figure: awardLeverage(money.find((m) => m.awardId === a.id)!),
    })),
  };
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number | null, d = 2) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export async function dashboard(db: Reader, filter: { programId?: string; callId?: string }) {
  const calls = await callsOf(db, filter);
  const callIds = calls.map((c) => c.id);
  const apps = await applicationStatusCounts(db, callIds);
  const none = callIds.length === 0;
  const scored = none
    ? []
    : await db
        .select({ applicationId: reviewScores.applicationId, status: reviewScores.status })
        .from(reviewScores)
        .where(inArray(reviewScores.callId, callIds));
  const decisions = none ? [] : await db.select().from(panelDecisions).where(inArray(panelDecisions.callId, callIds));
  const results = none ? [] : await db.select().from(callResults).where(inArray(callResults.callId, callIds));
  const awardRows = none ? [] : await db.select().from(awards).where(inArray(awards.callId, callIds));
  const reports = awardRows.length
    ? await db
        .select()
        .from(milestoneReports)
        .where(
          inArray(
            milestoneReports.awardId,
            awardRows.map((a) => a.id),
          ),
        )
    : [];

  const reviewed = new Set(scored.filter((s) => s.status === 'submitted').map((s) => s.applicationId));
  const funnel = [
    { stage: 'draft' as const, count: apps.length },
    { stage: 'submitted' as const, count: apps.filter((a) => a.submitted).length },
    { stage: 'accepted' as const, count: apps.filter((a) => a.status === 'accepted').length },
    { stage: 'reviewed' as const, count: apps.filter((a) => reviewed.has(a.id)).length },
    { stage: 'decided' as const, count: decisions.length },
    { stage: 'funded' as const, count: decisions.filter((d) => d.decision === 'fund').length },
    { stage: 'awarded' as const, count: awardRows.length },
  ];

  // Time to decision: from submission to the day the applicant learns it (results published).
  const publishedAt = new Map(results.map((r) => [r.callId, r.publishedAt]));
  const appById = new Map(apps.map((a) => [a.id, a]));
  const days: number[] = [];
  for (const d of decisions) {
    const a = appById.get(d.applicationId);
    const at = publishedAt.get(d.callId);
    if (a?.submittedAt && at) days.push((at.getTime() - a.submittedAt.getTime()) / 86_400_000);
  }

  const follow = new Map<string, number[]>();
  for (const r of reports) if (r.review !== 'rejected') follow.set(r.awardId, [...(follow.get(r.awardId) ?? []), Number(r.followOn)]);
  const leverage = groupLeverage(awardRows.map((a) => ({ awardId: a.id, currency: a.currency, amount: Number(a.amount), followOn: follow.get(a.id) ?? [] })));

  const group = <K extends 'province' | 'sector'>(key: K) => {
    const out = new Map<string | null, { applications: number; awards: number; awarded: number }>();
    const at = (k: string | null) => {
      const g = out.get(k) ?? { applications: 0, awards: 0, awarded: 0 };
      out.set(k, g);
      return g;
    };
    for (const a of apps) if (a.submitted) at(a[key]).applications++;
    for (const w of awardRows) {
      const g = at(w[key]);
      g.awards++;
      g.awarded += Number(w.amount);
    }
    return [...out]
      .map(([k, v]) => ({ [key]: k, ...v }) as { [P in K]: string | null } & typeof v)
      .sort((x, y) => y.applications - x.applications || y.awarded - x.awarded);
  };

  const counted = reports.filter((r) => r.review !== 'rejected');
  return {
    funnel,
    timeToDecision: {
      decisions: days.length,
      medianDays: round(median(days)),
      meanDays: round(days.length ? days.reduce((s, x) => s + x, 0) / days.length : null),
      maxDays: round(days.length ? Math.max(...days) : null),
    },
    leverage,
    byProvince: group('province'),
    bySector: group('sector'),
    outcomes: {
      revenue: counted.reduce((s, r) => s + Number(r.revenue ?? 0), 0),
      jobs: counted.reduce((s, r) => s + (r.jobs ?? 0), 0),
      ipCount: counted.reduce((s, r) => s + (r.ipCount ?? 0), 0),
      followOn: counted.reduce((s, r) => s + Number(r.followOn), 0),
      reports: counted.length,
    },
  };
}

export async function getDashboard(ctx: Ctx, filter: { programId?: string; callId?: string }) {
  return dashboard(ctx.database.db, filter);
}

/** The dashboard as a workbook: one sheet per table, headers in the caller's language. */
export async function dashboardWorkbook(ctx: Ctx, filter: { programId?: string; callId?: string }): Promise<Buffer> {
  const d = await dashboard(ctx.database.db, filter);
  const lev = await leverageReport(ctx, filter);
  const t = (k: string) => translate(ctx.lang, `messages:dashboard.${k}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seedbed';
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => {
      c.width = 22;
    });
  };
  sheet(
    t('funnel'),
    [t('stage'), t('count')],
    d.funnel.map((f) => [t(`stages.${f.stage}`), f.count]),
  );
  sheet(
    t('timeToDecision'),
    [t('decisions'), t('medianDays'), t('meanDays'), t('maxDays')],
    [[d.timeToDecision.decisions, d.timeToDecision.medianDays, d.timeToDecision.meanDays, d.timeToDecision.maxDays]],
  );
  sheet(
    t('leverage'),
    [t('scope'), t('name'), t('currency'), t('awarded'), t('followOn'), t('ratio'), t('awards')],
    [
      ...lev.programs.flatMap((p) => p.figures.map((f) => [t('program'), p.names.en, f.currency, f.awarded, f.followOn, f.ratio, f.awards])),
      ...lev.calls.flatMap((c) => c.figures.map((f) => [t('call'), c.names.en, f.currency, f.awarded, f.followOn, f.ratio, f.awards])),
      ...lev.awards.map((a) => [t('award'), `${a.title} (${a.enterpriseName})`, a.figure.currency, a.figure.awarded, a.figure.followOn, a.figure.ratio, 1]),
      [t('seedReported'), lev.source, null, null, null, lev.seedReported, null],
    ],
  );
  sheet(
    t('byProvince'),
    [t('province'), t('applications'), t('awards'), t('awarded')],
    d.byProvince.map((r) => [r.province ?? '—', r.applications, r.awards, r.awarded]),
  );
  sheet(
    t('bySector'),
    [t('sector'), t('applications'), t('awards'), t('awarded')],
    d.bySector.map((r) => [r.sector ?? '—', r.applications, r.awards, r.awarded]),
  );
  sheet(
    t('outcomes'),
    [t('revenue'), t('jobs'), t('ipCount'), t('followOn'), t('reports')],
    [[d.outcomes.revenue, d.outcomes.jobs, d.outcomes.ipCount, d.outcomes.followOn, d.outcomes.reports]],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
