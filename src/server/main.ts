import { startServer } from './server';

startServer().catch((err) => {
  console.error(`Seedbed could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
