import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openConfiguredDatabase } from '../boot';
import { type Config, loadConfig } from '../config';
import { type Database, queryRows } from '../db/client';
import { INDEX_JOB, registerRegistryJobs } from '../modules/registry/index-job';
import { DemoExistsError, type DemoPhase, generateDemoStatistics } from '../modules/statistics/demo/generate';
import { loadStatisticsReference } from '../modules/statistics/reference/load-statistics-reference';
import { systemCtx } from '../platform/context';
import { runNextJob } from '../platform/jobs/worker';
import { progressBar } from './steps';

type Options = { enterprises: string; years: string; seed?: string; firstYear?: string; replace?: boolean };

const TITLES: Record<DemoPhase, string> = {
  periods: 'periods    ',
  enterprises: 'enterprises',
  incubators: 'incubators ',
  rollups: 'rollups    ',
};

const whole = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const n = Number(text.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return n;
};

/**
 * `seedbed demo generate --enterprises 200000 --years 10 [--seed N] [--first-year 2015] [--replace]`: a deterministic
 * synthetic statistics data set, marked synthetic (modules/statistics/demo/generate.ts). A second run refuses
 * unless --replace, which deletes the previous demo and generates anew.
 */
export async function demoGenerate(opts: Options) {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const log = pino({ level: 'silent' });
  const ctx = systemCtx(database, config, log, 'cli-demo');
  const bars = new Map<DemoPhase, ReturnType<typeof progressBar>>();
  try {
    const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM stat_indicators`);
    if (n === 0) await loadStatisticsReference(ctx);
    const result = await generateDemoStatistics(ctx, {
      enterprises: whole('enterprises', opts.enterprises)!,
      years: whole('years', opts.years)!,
      seed: whole('seed', opts.seed),
      firstYear: whole('first-year', opts.firstYear),
      ifExists: opts.replace ? 'replace' : 'error',
      onProgress: (done, total, phase) => {
        let bar = bars.get(phase);
        if (!bar) {
          for (const other of bars.values()) other.stop();
          bar = progressBar(TITLES[phase], total);
          bars.set(phase, bar);
        }
        bar.update(done);
      },
    });
    for (const bar of bars.values()) bar.stop();
    let indexSeconds = 0;
    if (result.indexing === 'queued') indexSeconds = await indexNow(database, config);
    const rate = Math.round((result.submissions + result.values) / result.seconds.write);
    console.log(
      [
        `synthetic demo data, seed ${result.seed}, ${result.firstYear}–${result.lastYear}${result.replaced ? ' (replaced the previous demo)' : ''}:`,
        `  ${result.enterprises.toLocaleString('en')} enterprises over ${result.zones} zones; incubators: ${result.incubators.registry} of the registry, ${result.incubators.synthetic.toLocaleString('en')} synthetic`,
        `  ${result.submissions.toLocaleString('en')} approved returns, ${result.values.toLocaleString('en')} values (${rate.toLocaleString('en')} rows/s)`,
        `  written in ${result.seconds.write.toFixed(1)} s, rollups rebuilt in ${result.seconds.rollups.toFixed(1)} s, ${result.seconds.total.toFixed(1)} s in all` +
          (result.indexing === 'queued' ? `; search entries by ${result.indexJobs} jobs in ${indexSeconds.toFixed(1)} s` : ''),
      ].join('\n'),
    );
  } catch (e) {
    if (e instanceof DemoExistsError) {
      console.error(`seedbed: ${e.message}`);
      process.exitCode = 2;
      return;
    }
    throw e;
  } finally {
    for (const bar of bars.values()) bar.stop();
    await database.close();
  }
}

/** The search entries of a large demo, written now rather than left for a server's job runner (as `seedbed import` does). */
async function indexNow(database: Database, config: Config): Promise<number> {
  const t0 = performance.now();
  registerRegistryJobs();
  const options = { database, config, log: pino({ level: 'silent' }), types: [INDEX_JOB] };
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE type = ${INDEX_JOB} AND status = 'queued'`);
  const bar = progressBar('indexing   ', n);
  for (let done = 0; await runNextJob(options); ) bar.update(++done);
  bar.stop();
  return (performance.now() - t0) / 1000;
}
