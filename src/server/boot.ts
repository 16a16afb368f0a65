import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { ensureDemoAccounts } from './platform/accounts/demo-accounts';
import { ensureDemoReviewers } from './modules/funding/review/demo-reviewers';
import { loadFundingReference } from './modules/funding/calls/demo-call';
import { loadReference, referenceLoaded } from './modules/registry/reference/load-reference';
import { prepareStatisticsDemo } from './modules/statistics/demo-setup';
import { loadDemoContracts } from './modules/techmarket/contracts/demo-contracts';
import { loadDemoListings } from './modules/techmarket/listings/demo-listings';
import { loadCooperationReference } from './modules/cooperation/reference/load-reference';
import { systemCtx } from './platform/context';

/** Opens the configured database (PGlite under the data folder, or DATABASE_URL) and applies migrations. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl ? await openDatabase({ url: config.databaseUrl }) : await openDatabase({ dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/**
 * First-start work on the embedded database: the reference data set from the seeds and the demo accounts.
 * A PostgreSQL deployment loads the reference data with `seedbed reference load` (or SEEDBED_DEMO=on).
 */
export async function prepareDemo(database: Database, config: Config, log: FastifyBaseLogger): Promise<string[]> {
  if (!config.demo) return [];
  const ctx = systemCtx(database, config, log, 'reference-data');
  if (config.loadReference && !(await referenceLoaded(ctx))) {
    const counts = await loadReference(ctx);
    log.info({ counts }, 'reference data set loaded');
  }
  // The demo seed-fund program and its open call (idempotent: created once, then left alone).
  if (config.loadReference) {
    const funding = await loadFundingReference(ctx);
    if (funding.call) log.info('demo seed-fund call loaded');
    // Statistics: catalogue, published series, open periods, a small synthetic history, the example M&E framework.
    await prepareStatisticsDemo(ctx, { enterprises: config.demoStatisticsEnterprises, years: 6 });
    // Technology market: a few dozen registered technology contracts (synthetic), for the market statistics.
    await loadDemoContracts(ctx);
    // and a handful of offers and needs (synthetic): Chinese offers in Chinese, Pakistani needs in English and Urdu.
    await loadDemoListings(ctx);
    // International cooperation: the 2018 delegation, the STZA–ZBRA letter of intent, the dual and sister parks (seeds).
    await loadCooperationReference(ctx);
  }
  const created = await ensureDemoAccounts(systemCtx(database, config, log, 'demo-setup'), config.demoPassword);
  // The demo reviewer pool (the demo reviewer account and experts of the reference data, marked synthetic).
  await ensureDemoReviewers(systemCtx(database, config, log, 'demo-setup'));
  return created;
}

export const describeDatabase = (config: Config) =>
  config.databaseUrl ? `PostgreSQL at ${redactUrl(config.databaseUrl)}` : `embedded PGlite in ${path.join(config.dataDir, 'pgdata')}`;

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
