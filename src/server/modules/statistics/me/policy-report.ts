import type { MeIndicatorProgress, MePolicy, MeStatus } from '../../../../shared/contracts/me';
import { baselineLabel, meNumbers, scopeLabel, targetItem, targetsLine } from '../../../../shared/me-labels';
import type { Language } from '../../../../shared/roles';
import type { Ctx } from '../../../platform/context';
import { type ReportBlock, type ReportDoc, renderPdf } from '../../../platform/pdf';
import { requirePermission } from './access';
import { policyDetail } from './assemble';
import { MeasureReader } from './measures';
import { meT } from './text';

const TAG: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN', ur: 'ur-PK' };
export const STATUS_COLOR: Record<MeStatus, string> = { on_track: '#2b8a3e', at_risk: '#b35c00', off_track: '#c92a2a', no_data: '#6c757d' };

type Text3 = { en: string; zh?: string; ur?: string };
const pick = (t: Text3 | null | undefined, lang: Language) => (t ? t[lang] || t.en : '');
const UNITS = ['persons', 'count', 'percent', 'm2'];
/** A unit in the reader's language where the catalogue has it (money units stay as written: CNY thousand). */
export const unitLabel = (t: (key: string) => string, unit: string) => (UNITS.includes(unit) ? t(`units.${unit}`) : unit);

function numberFormat(lang: Language) {
  const nf = new Intl.NumberFormat(TAG[lang], { maximumFractionDigits: 2 });
  return (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : nf.format(n));
}

/**
 * The progress report of a policy as a document for `renderPdf`, in one language (the text is the web's `me`
 * catalogue). It says when the framework is an example and when figures are synthetic, on the first page and
 * in the footer of every page.
 */
export function reportDoc(policy: MePolicy, lang: Language, now = new Date()): ReportDoc {
  const t = meT(lang);
  const num = numberFormat(lang);
  const f = meNumbers(TAG[lang]);
  const pct = (a: number | null) => (a === null ? '—' : `${num(Math.round(a * 100))} %`);
  const date = new Intl.DateTimeFormat(TAG[lang], { dateStyle: 'long' }).format(now);
  const status = (s: MeStatus) => t(`status.${s}`);
  const blocks: ReportBlock[] = [];

  if (policy.example) {
    blocks.push({ kind: 'heading', text: t('report.exampleTitle') });
    blocks.push({ kind: 'paragraph', text: [t('report.exampleBody'), pick(policy.note, lang)].filter(Boolean).join(' ') });
  } else if (policy.note) {
    blocks.push({ kind: 'paragraph', text: pick(policy.note, lang) });
  }
  if (policy.synthetic) blocks.push({ kind: 'paragraph', text: t('report.syntheticBody') });

  blocks.push({ kind: 'heading', text: t('report.summary') });
  blocks.push({
    kind: 'keyValues',
    items: [
      { label: t('report.goals'), value: num(policy.goals.length) },
      { label: t('report.indicators'), value: num(policy.indicators) },
      ...(['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((s) => ({
        label: status(s),
        value: `${t('report.goalCount', { count: policy.counts[s], n: num(policy.counts[s]) })} · ${t('report.indicatorCount', { count: policy.indicatorCounts[s], n: num(policy.indicatorCounts[s]) })}`,
      })),
      ...(policy.source ? [{ label: t('report.source'), value: policy.source }] : []),
    ],
  });
  blocks.push({
    kind: 'bars',
    title: t('report.goalsByStatus'),
    items: (['on_track', 'at_risk', 'off_track', 'no_data'] as const).map((s) => ({
      label: status(s),
      value: policy.counts[s],
      display: num(policy.counts[s]),
      color: STATUS_COLOR[s],
    })),
  });

  const trend = (i: MeIndicatorProgress) => (i.trend.direction ? t(`trend.${i.trend.direction}`) : t('trend.none'));
  const projection = (i: MeIndicatorProgress) =>
    i.projection ? t('report.projectionValue', { value: num(i.projection.value), year: i.projection.year, status: status(i.projection.status) }) : '—';
  const final = (i: MeIndicatorProgress) => i.targets[i.targets.length - 1];

  for (const g of policy.goals) {
    blocks.push({ kind: 'heading', text: t('report.goalHeading', { goal: pick(g.names, lang), status: status(g.status) }) });
    const area = g.area ? t(`areas.${g.area}`, { defaultValue: g.area }) : null;
    const meta = [area ? t('report.area', { area }) : null, g.source ? t('report.sourceOf', { source: g.source }) : null].filter(Boolean).join(' · ');
    if (meta) blocks.push({ kind: 'paragraph', text: meta });
    if (g.indicators.length === 0) {
      blocks.push({ kind: 'paragraph', text: t('goal.noIndicators') });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: [
        { label: t('indicator.name') },
        { label: t('report.baselineToTarget'), align: 'end' },
        { label: t('report.actualYear'), align: 'end' },
        { label: t('indicator.expected'), align: 'end' },
        { label: t('indicator.achievement'), align: 'end' },
        { label: t('indicator.status') },
        { label: t('report.trendProjection') },
      ],
      rows: g.indicators.map((i) => {
        const last = final(i);
        const marks = [
          i.unit ? unitLabel(t, i.unit) : null,
          scopeLabel(t, f, i.scope),
          i.synthetic ? t('indicator.syntheticMark') : null,
          i.example ? t('indicator.exampleMark') : null,
        ].filter(Boolean);
        return [
          marks.length ? `${pick(i.names, lang)} (${marks.join(', ')})` : pick(i.names, lang),
          t('report.baselineToTargetValue', { baseline: baselineLabel(t, f, i.baseline), target: last ? targetItem(t, f, last) : '—' }),
          i.latest ? `${num(i.latest.value)} (${i.latest.year})` : t('indicator.noData'),
          num(i.expectedAtLatest),
          pct(i.achievement),
          status(i.status),
          `${trend(i)}; ${projection(i)}`,
        ];
      }),
      caption: [...new Set(g.indicators.map((i) => t('report.thresholds', { atRisk: pct(i.thresholds.atRisk), offTrack: pct(i.thresholds.offTrack) })))].join(
        ' ',
      ),
    });
    blocks.push({ kind: 'paragraph', text: g.indicators.map((i) => `${pick(i.names, lang)} — ${targetsLine(t, f, i.targets)}`).join('\n') });
    const measured = g.indicators.filter((i) => i.achievement !== null);
    if (measured.length) {
      blocks.push({
        kind: 'bars',
        title: t('report.achievementOf', { goal: pick(g.names, lang) }),
        items: measured.map((i) => ({
          label: pick(i.names, lang),
          value: Math.max(0, i.achievement ?? 0),
          display: pct(i.achievement),
          color: STATUS_COLOR[i.status],
        })),
      });
    }
    const cited = g.indicators.flatMap((i) => i.actual.filter((p) => p.source).map((p) => `${pick(i.names, lang)} ${p.year}: ${p.source}`));
    if (cited.length) blocks.push({ kind: 'paragraph', text: t('report.publishedSources', { sources: [...new Set(cited)].join('; ') }) });
  }
  blocks.push({ kind: 'paragraph', text: t('report.method') });

  const marks = [policy.example ? t('report.footerExample') : null, policy.synthetic ? t('report.footerSynthetic') : null].filter(Boolean);
  return {
    lang,
    title: pick(policy.names, lang),
    subtitle: t('report.subtitle', { date }),
    blocks,
    footer: [t('report.footer', { date }), ...marks].join(' · '),
  };
}

/** The PDF of a policy's progress report and its file name. */
export async function policyReport(ctx: Ctx, id: string, lang: Language): Promise<{ body: Buffer; filename: string }> {
  requirePermission(ctx, 'statistics.read');
  const db = ctx.database.db;
  const policy = await policyDetail(db, new MeasureReader(db), id, false);
  const body = await renderPdf(reportDoc(policy, lang));
  const slug = (policy.key ?? policy.id).replace(/[^a-z0-9_.-]+/gi, '-');
  return { body, filename: `seedbed-me-${slug}-${lang}.pdf` };
}
