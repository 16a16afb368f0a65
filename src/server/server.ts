import { buildApp } from './app';
import { describeDatabase, openConfiguredDatabase, prepareDemo } from './boot';
import { type Config, loadConfig } from './config';
import { demoAccounts } from './platform/accounts/demo-accounts';
import { drainOnShutdown } from './platform/http/drain';
import { registerRegistryJobs } from './modules/registry/index-job';
import { startPlatformWorkers } from './platform/workers';

/** Starts the whole platform: database, migrations, demo accounts, HTTP server, background workers. */
export async function startServer(config: Config = loadConfig()) {
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({ config, database });
  const created = await prepareDemo(database, config, app.log);
  registerRegistryJobs();
  const workers = config.jobs ? startPlatformWorkers({ database, config, log: app.log }) : { stop: async () => {} };

  const drain = drainOnShutdown(app);
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      app.log.info({ signal }, 'shutting down: draining requests');
      await drain(); // answers what arrives, each answer closing its connection, until a quiet moment
      await app.close(); // stops accepting, waits for in-flight requests
      await workers.stop();
      await database.close();
      app.log.info('stopped cleanly');
    })();
    return closing;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (err) => {
          app.log.error({ err }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  printBanner(config, url, created.length > 0);
  return { app, database, url, shutdown };
}

function printBanner(config: Config, url: string, demoCreated: boolean) {
  const lines = [`Seedbed is running at ${url}`, `  database: ${describeDatabase(config)}`, `  API docs: ${url}/api/docs`];
  if (config.demo) {
    lines.push(`  demo mode${demoCreated ? ' (demo accounts created)' : ''}: sign in with any of these, password "${config.demoPassword}":`);
    for (const a of demoAccounts()) lines.push(`    ${a.email.padEnd(42)} ${a.role}`);
  }
  console.log(lines.join('\n'));
}
