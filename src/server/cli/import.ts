import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { ENTITY_TYPES, type EntityType } from '../../shared/contracts/registry';
import { openConfiguredDatabase } from '../boot';
import { type Config, loadConfig } from '../config';
import { type Database, queryRows } from '../db/client';
import { INDEX_JOB, registerRegistryJobs } from '../modules/registry/index-job';
import { PLURAL } from '../modules/registry/entity-types';
import { runImport } from '../modules/registry/transfer/run-import';
import { systemCtx } from '../platform/context';
import { runNextJob } from '../platform/jobs/worker';
import { AppError } from '../platform/errors';
import { progressBar } from './steps';

/** `seedbed import <file> [--type zone] [--dry-run]`: the same validation and all-or-nothing commit as the web import. */
export async function importCommand(file: string, opts: { type?: string; dryRun?: boolean }) {
  const format = file.toLowerCase().endsWith('.csv') ? 'csv' : file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;
  if (!format) throw new Error('the file must be .csv or .xlsx');
  const type = opts.type ?? guessType(file);
  if (!type || !(ENTITY_TYPES as readonly string[]).includes(type)) throw new Error(`say what the file holds: --type ${ENTITY_TYPES.join('|')}`);
  const bytes = fs.readFileSync(file);
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  try {
    const result = await runImport(systemCtx(database, config, pino({ level: 'silent' }), 'cli-import'), type as EntityType, bytes, format, {
      dryRun: !!opts.dryRun,
      onProgress: (phase, done, total) => {
        if (!bars.has(phase)) bars.set(phase, progressBar(phase === 'validate' ? 'validating' : 'writing   ', total));
        bars.get(phase)!.update(done);
        if (done >= total) bars.get(phase)!.stop();
      },
    });
    if (result.indexing === 'queued') await indexNow(database, config);
    for (const e of result.errors) console.log(`  row ${e.row}, ${e.column}: ${e.message}`);
    console.log(`${result.rows} rows, ${result.valid} valid, ${result.errors.length} problems; ${result.dryRun ? 'dry run: nothing written' : `${result.created} created, ${result.updated} updated`}`);
    if (result.errors.length) process.exitCode = 2;
  } catch (e) {
    if (e instanceof AppError && e.details) {
      for (const d of e.details) console.log(`  ${d.path}: ${d.message}`);
      console.log(`${e.details.length} problems: nothing was imported.`);
      process.exitCode = 2;
      return;
    }
    throw e;
  } finally {
    for (const bar of bars.values()) bar.stop();
    await database.close();
  }
}

/** The search entries of a large import, written here rather than left for a server's job runner. */
async function indexNow(database: Database, config: Config) {
  registerRegistryJobs();
  const options = { database, config, log: pino({ level: 'silent' }), types: [INDEX_JOB] };
  const [{ n }] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE type = ${INDEX_JOB} AND status = 'queued'`);
  const bar = progressBar('indexing  ', n);
  for (let done = 0; await runNextJob(options); ) bar.update(++done);
  bar.stop();
}

function guessType(file: string): string | undefined {
  const name = path.basename(file).toLowerCase();
  return ENTITY_TYPES.find((t) => name.includes(PLURAL[t]) || name.startsWith(t));
}
