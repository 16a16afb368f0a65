import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { files } from '../../../platform/files/files.tables';
import { storagePath } from '../../../platform/files/store-file';
import { coopCommitments } from '../cooperation.tables';
import { isStaff } from './access';

/**
 * A file of a commitment's evidence, for the staff who read evidence (cooperation.read) and the commitment's owner.
 * The platform's files are readable by their uploader only; evidence is read by whoever follows the agreement.
 */
export async function openEvidence(ctx: Ctx, commitmentId: string, fileId: string) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const [c] = await db.select().from(coopCommitments).where(eq(coopCommitments.id, commitmentId));
  if (!c || !c.evidenceFileIds.includes(fileId) || !(isStaff(actor) || c.ownerUserId === actor.userId)) throw notFound();
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw notFound();
  const p = storagePath(ctx.config, file.storageKey);
  if (!fs.existsSync(p)) throw notFound();
  return { file, stream: fs.createReadStream(p) };
}
