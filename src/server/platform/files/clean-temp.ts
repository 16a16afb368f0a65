import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config';
import { filesRoot } from './store-file';

/**
 * Removes upload temp files left by a process that died mid-upload. Only old ones:
 * another process sharing the data folder may be writing a fresh one right now.
 */
export async function cleanTempUploads(config: Config, olderThanMs = 3_600_000): Promise<number> {
  const dir = path.join(filesRoot(config), 'tmp');
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0; // nothing uploaded yet
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const p = path.join(dir, name);
    const stat = await fsp.stat(p).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await fsp.rm(p, { force: true });
      removed += 1;
    }
  }
  return removed;
}
