import { z } from 'zod';

/** What may be uploaded: the type is sniffed from the content, never taken from the name or the client's header. */
export const ALLOWED_FILE_TYPES = [
  { ext: 'pdf', mediaType: 'application/pdf' },
  { ext: 'png', mediaType: 'image/png' },
  { ext: 'jpg', mediaType: 'image/jpeg' },
  { ext: 'webp', mediaType: 'image/webp' },
  { ext: 'gif', mediaType: 'image/gif' },
  { ext: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { ext: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { ext: 'csv', mediaType: 'text/csv' },
  { ext: 'txt', mediaType: 'text/plain' },
] as const;

export const StoredFile = z.object({
  id: z.uuid(),
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof StoredFile>;

export const FileContentQuery = z.object({
  /** true: images are shown in the page (Content-Disposition: inline); everything else is always an attachment. */
  inline: z.stringbool().optional(),
});
