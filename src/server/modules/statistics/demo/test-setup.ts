import pino from 'pino';
import type { Config } from '../../../config';
import type { Database } from '../../../db/client';
import { systemCtx } from '../../../platform/context';
import { loadReference } from '../../registry/reference/load-reference';
import { loadStatisticsReference } from '../reference/load-statistics-reference';

/** What the demo generator needs in a fresh database (tests, the bench): the registry's reference data (zones, incubators) and the indicator catalogue. */
export async function loadDemoPrerequisites(database: Database, config: Config): Promise<void> {
  const ctx = systemCtx(database, config, pino({ level: 'silent' }), 'demo-setup');
  await loadReference(ctx);
  await loadStatisticsReference(ctx);
}
