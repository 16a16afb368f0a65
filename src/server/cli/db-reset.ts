import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import pg from 'pg';
import { describeDatabase, openConfiguredDatabase } from '../boot';
import { loadConfig } from '../config';
import { acquireDataDirLock } from '../db/data-dir-lock';
import { step } from './steps';

export async function dbReset(opts: { yes?: boolean }) {
  const config = loadConfig();
  const target = describeDatabase(config);
  if (!opts.yes && !(await confirm(`This deletes ALL data in ${target}. Type "reset" to go on: `))) {
    console.log('Nothing was changed.');
    return;
  }
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await step('dropping schemas public and drizzle', async () => {
      await client.query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    });
    await client.end();
  } else {
    const release = acquireDataDirLock(config.dataDir);
    await step(`deleting ${path.join(config.dataDir, 'pgdata')}`, async () => {
      fs.rmSync(path.join(config.dataDir, 'pgdata'), { recursive: true, force: true });
      fs.rmSync(path.join(config.dataDir, 'files'), { recursive: true, force: true });
    });
    release();
  }
  const database = await step('recreating the schema', () => openConfiguredDatabase(config));
  await database.close();
  console.log('Database reset. Demo accounts (embedded database) are created again on the next start.');
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error('refusing to reset without a terminal: pass --yes');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim() === 'reset';
  } finally {
    rl.close();
  }
}
