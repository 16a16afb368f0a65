import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { countries } from '../../registry/registry.tables';
import { invalid } from './access';
import { type MeasureReader, scopeOf, seriesScopeFits } from './measures';
import type { BaselineSetting, TargetSetting } from './resolve';
import { meT } from './text';

export type TargetFields = {
  indicator: string;
  scope: string;
  direction: 'increase' | 'decrease';
  baseline: BaselineSetting;
  targets: TargetSetting[];
  thresholds: { atRisk: number; offTrack: number };
};

/**
 * What zod cannot see in one field: the indicator exists (in the catalogue or the published series), a country
 * scope names a country of the registry, targets come after the baseline, one per year, and the off-track
 * threshold is not above the at-risk one. Every problem at once, in the caller's language.
 */
export async function checkTarget(ctx: Ctx, reader: MeasureReader, f: TargetFields): Promise<void> {
  const t = meT(ctx.lang);
  const problems: { path: string; message: string }[] = [];
  const kind = await reader.kindOf(f.indicator);
  if (kind === 'unknown') problems.push({ path: 'indicator', message: t('errors.unknownIndicator', { code: f.indicator }) });
  const rollupScope = scopeOf(f.scope);
  if (kind === 'catalogue' && !rollupScope) problems.push({ path: 'scope', message: t('errors.surveyScope') });
  if (kind === 'catalogue' && rollupScope?.country) {
    const [known] = await reader.db.select({ code: countries.code }).from(countries).where(eq(countries.code, rollupScope.country));
    if (!known) problems.push({ path: 'scope', message: t('errors.unknownCountry', { code: rollupScope.country }) });
  }
  const series = kind === 'series' ? (await reader.published()).get(f.indicator) : undefined;
  if (series && !seriesScopeFits(series, f.scope)) problems.push({ path: 'scope', message: t('errors.seriesScope', { scope: series.scope }) });
  const seen = new Set<number>();
  f.targets.forEach((x, i) => {
    if (x.year <= f.baseline.year) problems.push({ path: `targets.${i}.year`, message: t('errors.targetAfterBaseline', { year: f.baseline.year }) });
    else if (seen.has(x.year)) problems.push({ path: `targets.${i}.year`, message: t('errors.targetYearTwice', { year: x.year }) });
    seen.add(x.year);
  });
  if (f.thresholds.offTrack > f.thresholds.atRisk) problems.push({ path: 'thresholds.offTrack', message: t('errors.thresholdOrder') });
  if (problems.length) throw invalid(problems);
}
