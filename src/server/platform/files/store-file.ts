import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from '../../../shared/contracts/files';
import type { Config } from '../../config';
import { withTransaction } from '../audit/audit';
import { type Ctx, requireActor } from '../context';
import { AppError, badRequest } from '../errors';
import { formatBytes } from '../http/error-handler';
import { files } from './files.tables';
import { ALLOWED_LIST, sniffAllowedType } from './sniff';

export type StoreFileInput = { filename: string } & ({ stream: Readable; buffer?: undefined } | { buffer: Buffer; stream?: undefined });

export const filesRoot = (config: Config) => path.join(config.dataDir, 'files');
/** Content-addressed: files/<first two hex digits of the SHA-256>/<SHA-256>. */
export const storagePath = (config: Config, storageKey: string) => path.join(filesRoot(config), storageKey);

export const toStoredFile = (row: typeof files.$inferSelect): StoredFile => ({
  id: row.id,
  originalName: row.originalName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Stores an upload: streams it to a temp file (hashing and counting as it goes,
 * refusing past the size limit), fsyncs it, checks its real type from its bytes,
 * then renames it into place and fsyncs the folder — so an acknowledged upload
 * survives a crash — and records the row and its audit entry in one transaction.
 * Identical content is stored once.
 */
export async function storeFile(ctx: Ctx, input: StoreFileInput): Promise<StoredFile> {
  const actor = requireActor(ctx);
  const max = ctx.config.maxUploadBytes;
  const root = filesRoot(ctx.config);
  const tmpDir = path.join(root, 'tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${randomUUID()}.part`);
  const originalName = cleanName(input.filename);

  try {
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new AppError(413, 'payload_too_large', { limit: formatBytes(max) }));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const source = input.buffer ? Readable.from([input.buffer]) : input.stream;
    await pipeline(source, meter, fs.createWriteStream(tmp, { flags: 'wx' }));
    if ((input.stream as { truncated?: boolean } | undefined)?.truncated) throw new AppError(413, 'payload_too_large', { limit: formatBytes(max) });
    if (size === 0) throw badRequest('file_required');
    await fsyncPath(tmp);

    const type = await sniffAllowedType(tmp, originalName);
    if (!type) throw new AppError(415, 'file_type_not_allowed', { allowed: ALLOWED_LIST });

    const sha256 = hash.digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const finalPath = storagePath(ctx.config, storageKey);
    const shardDir = path.dirname(finalPath);
    const madeDir = await fsp.mkdir(shardDir, { recursive: true });
    if (fs.existsSync(finalPath)) {
      await fsp.rm(tmp, { force: true }); // the same bytes are already stored
    } else {
      await fsp.rename(tmp, finalPath);
    }
    await fsyncPath(shardDir);
    if (madeDir) await fsyncPath(root);

    return await withTransaction(ctx, async (tx, audit) => {
      const [row] = await tx
        .insert(files)
        .values({
          ownerId: actor.via === 'system' ? null : actor.userId,
          originalName,
          mediaType: type.mediaType,
          extension: type.ext,
          sizeBytes: size,
          sha256,
          storageKey,
        })
        .returning();
      await audit({
        action: 'file.upload',
        entityType: 'file',
        entityId: row.id,
        after: { originalName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256 },
      });
      return toStoredFile(row);
    });
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

async function fsyncPath(p: string): Promise<void> {
  const handle = await fsp.open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The name as the user knows it, without any folder part (old browsers send C:\fakepath\…) or control characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    .filter((ch) => ch.charCodeAt(0) > 0x1f && ch !== '\u007f')
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'file';
}
