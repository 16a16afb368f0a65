import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { generateDemoStatistics } from './demo/generate';
import { loadPolicyExample } from './me/load-policy-example';
import { loadStatisticsReference } from './reference/load-statistics-reference';
import { statPeriods } from './statistics.tables';
import { ensurePeriod } from './survey/periods';
import { publishPeriod } from './survey/publish';

/** The first open survey period of the demo: China's calendar year 2025 and Pakistan's fiscal year 2025-26. */
export const DEMO_OPEN_YEAR = 2025;

/**
 * Statistics on first start (embedded database, demo on): the catalogue and the published series from the
 * seeds, the open periods, a small deterministic synthetic history (marked synthetic, its yearbooks
 * published), and the example M&E framework. Each step is idempotent.
 */
export async function prepareStatisticsDemo(ctx: Ctx, opts: { enterprises: number; years: number }): Promise<void> {
  await loadStatisticsReference(ctx);
  await ensurePeriod(ctx, { calendar: 'calendar', year: DEMO_OPEN_YEAR, dueOn: '2027-03-31' });
  await ensurePeriod(ctx, { calendar: 'fiscal_jul_jun', year: DEMO_OPEN_YEAR + 1, country: 'PK', dueOn: '2026-12-31' });
  if (opts.enterprises > 0) {
    await generateDemoStatistics(ctx, { enterprises: opts.enterprises, years: opts.years, firstYear: DEMO_OPEN_YEAR - opts.years, ifExists: 'skip' });
    const unpublished = await ctx.database.db
      .select({ id: statPeriods.id })
      .from(statPeriods)
      .where(and(eq(statPeriods.synthetic, true), isNull(statPeriods.publishedAt), lt(statPeriods.year, DEMO_OPEN_YEAR)));
    for (const p of unpublished) await publishPeriod(ctx, p.id);
  }
  await loadPolicyExample(ctx);
}
