import { Command } from 'commander';
import { VERSION } from '../paths';
import { adminCreate } from './admin-create';
import { dbReset } from './db-reset';
import { demoGenerate } from './demo';
import { importCommand } from './import';
import { migrateCommand } from './migrate';
import { referenceLoad } from './reference';

const program = new Command()
  .name('seedbed')
  .description('Seedbed: the platform of a national innovation program.\nEnvironment: DATABASE_URL (PostgreSQL; unset = embedded PGlite in SEEDBED_DATA_DIR, default ./.seedbed), PORT, … (see README).')
  .version(VERSION);

program
  .command('start')
  .description('start the API and the web app (applies migrations; demo accounts on the embedded database)')
  .action(async () => {
    const { startServer } = await import('../server');
    await startServer();
  });

program.command('migrate').description('apply database migrations').action(migrateCommand);

program
  .command('admin')
  .description('manage administrators')
  .command('create')
  .description('create an administrator account (the first admin of a PostgreSQL deployment)')
  .requiredOption('--email <email>', 'e-mail address to sign in with')
  .option('--name <name>', 'display name', 'Administrator')
  .option('--password <password>', 'password (at least 10 characters); default: $SEEDBED_ADMIN_PASSWORD, else asked for')
  .action(adminCreate);

program
  .command('db')
  .description('database maintenance')
  .command('reset')
  .description('DELETE ALL DATA and recreate the schema')
  .option('--yes', 'do not ask for confirmation')
  .action(dbReset);

program
  .command('reference')
  .description('the reference data set built from the seeds (data/reference)')
  .command('load')
  .description('load or refresh the reference data set (zones, incubators, institutions, people, governance)')
  .action(referenceLoad);

program
  .command('import <file>')
  .description('import a CSV or XLSX file of registry entities (all rows or none), with progress')
  .option('--type <type>', 'zone, incubator, enterprise, institution, person or investor (default: from the file name)')
  .option('--dry-run', 'validate only and list every bad row')
  .action(importCommand);

program
  .command('demo')
  .description('synthetic demo data (always marked synthetic)')
  .command('generate')
  .description('generate a deterministic national-scale statistics data set: enterprises in the zones, incubators, approved returns, rollups')
  .requiredOption('--enterprises <n>', 'number of synthetic enterprises, e.g. 200000')
  .requiredOption('--years <n>', 'number of survey years, e.g. 10')
  .option('--seed <n>', 'seed of the generator (same seed, same data)')
  .option('--first-year <year>', 'first survey year (default 2015)')
  .option('--replace', 'delete a previous demo data set first (without it, a second run refuses)')
  .action(demoGenerate);

program.parseAsync(process.argv).catch((e) => {
  console.error(`seedbed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
