import pino from 'pino';
import { openConfiguredDatabase } from '../boot';
import { loadConfig } from '../config';
import { loadFundingReference } from '../modules/funding/calls/demo-call';
import { loadReference } from '../modules/registry/reference/load-reference';
import { systemCtx } from '../platform/context';
import { progressBar } from './steps';

/** `seedbed reference load`: loads or refreshes the reference data set built from the seeds. */
export async function referenceLoad() {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const bar = progressBar('reference data', 9);
    const counts = await loadReference(systemCtx(database, config, pino({ level: 'silent' }), 'reference-data'), undefined, (done) => bar.update(done));
    bar.stop();
    const funding = await loadFundingReference(systemCtx(database, config, pino({ level: 'silent' }), 'reference-data'));
    console.log(`  demo seed-fund call ${funding.call ? 'created' : 'already present'}`);
    console.log(Object.entries(counts).map(([k, v]) => `  ${k.padEnd(14)} ${v}`).join('\n'));
  } finally {
    await database.close();
  }
}
