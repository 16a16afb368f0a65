import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { StoredFile } from '../../../shared/contracts/files';
import { type Ctx, hasRole, requireActor } from '../context';
import { notFound } from '../errors';
import { files } from './files.tables';
import { storagePath, toStoredFile } from './store-file';

export type FileRecord = typeof files.$inferSelect;

/** A file is visible to its owner and to admins; to anyone else it does not exist. */
async function readableFile(ctx: Ctx, id: string): Promise<FileRecord> {
  const actor = requireActor(ctx);
  const [row] = await ctx.database.db.select().from(files).where(eq(files.id, id));
  if (!row || (row.ownerId !== actor.userId && !hasRole(actor, 'admin'))) throw notFound();
  return row;
}

export async function getFile(ctx: Ctx, id: string): Promise<StoredFile> {
  return toStoredFile(await readableFile(ctx, id));
}

/** The file's record and a stream of its bytes. */
export async function openFileContent(ctx: Ctx, id: string): Promise<{ file: FileRecord; stream: fs.ReadStream }> {
  const file = await readableFile(ctx, id);
  const p = storagePath(ctx.config, file.storageKey);
  if (!fs.existsSync(p)) {
    ctx.log.error({ fileId: id, path: p }, 'stored file is missing from the data directory');
    throw notFound();
  }
  return { file, stream: fs.createReadStream(p) };
}
