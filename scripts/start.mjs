// `npm start`: build the web app when its sources are newer than the build, then run the server in this process
// (so SIGTERM/SIGINT from npm or a process manager reach the server directly and drain it).
import { buildWebIfStale } from './web-build.mjs';

if (!buildWebIfStale()) process.exit(1);
const { register } = await import('tsx/esm/api');
register();
await import('../src/server/main.ts');
