import { Command } from 'commander';
import { VERSION } from '../paths';
import { adminCreate } from './admin-create';
import { dbReset } from './db-reset';
import { migrateCommand } from './migrate';

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

program.parseAsync(process.argv).catch((e) => {
  console.error(`seedbed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
