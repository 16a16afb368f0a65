import { describeDatabase, openConfiguredDatabase } from '../boot';
import { loadConfig } from '../config';
import { step } from './steps';

export async function migrateCommand() {
  const config = loadConfig();
  const database = await step(`migrating ${describeDatabase(config)}`, () => openConfiguredDatabase(config));
  await database.close();
}
