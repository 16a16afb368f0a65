import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness';

/** The server serves the built SPA: build it once if it is missing (`npm run build:web` rebuilds it on demand). */
export default function setup() {
  if (existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))) return;
  console.log('[e2e] dist/web is missing: running vite build');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}
