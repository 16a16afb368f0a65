import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps } from '../../db/columns';

/** Metadata of a stored attachment; the bytes live under the data directory, addressed by SHA-256. */
export const files = pgTable(
  'files',
  {
    id: idColumn(),
    ownerId: uuid('owner_id'),
    originalName: text('original_name').notNull(),
    mediaType: text('media_type').notNull(),
    extension: text('extension').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    ...timestamps(),
  },
  (t) => [index('files_owner_idx').on(t.ownerId)],
);
