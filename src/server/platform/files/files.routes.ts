import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../../../shared/contracts/common';
import { FileContentQuery, StoredFile } from '../../../shared/contracts/files';
import { badRequest } from '../errors';
import { type App, ctxOf, type Platform } from '../http/request-context';
import { getFile, openFileContent } from './get-file';
import { storeFile } from './store-file';

const tags = ['files'];
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

export function filesRoutes(app: App, platform: Platform) {
  // Multipart only in this scope; the limit is one byte over the maximum so storeFile sees (and refuses) an over-size file.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: platform.config.maxUploadBytes + 1, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 20, headerPairs: 200 },
    });
    scope.post('/api/v1/files', {
      config: { permission: 'files.upload' },
      schema: {
        tags,
        summary: 'Upload a file (multipart/form-data, field "file"); its type is checked from its content',
        consumes: ['multipart/form-data'],
        response: { 201: StoredFile },
      },
      handler: async (request, reply) => {
        try {
          const part = await request.file();
          if (part?.fieldname !== 'file') throw badRequest('file_required');
          const stored = await storeFile(ctxOf(platform, request), { stream: part.file, filename: part.filename });
          return reply.status(201).send(stored);
        } catch (err) {
          // The rest of a refused upload is never read: close the connection after the answer
          // rather than leave the client pushing bytes nobody reads.
          reply.header('connection', 'close');
          throw err;
        }
      },
    });
  });

  app.get('/api/v1/files/:id', {
    config: { permission: 'files.read' },
    schema: { tags, summary: 'A file’s metadata (its owner and admins only)', params: IdParam, response: { 200: StoredFile } },
    handler: async (request) => getFile(ctxOf(platform, request), request.params.id),
  });

  app.get('/api/v1/files/:id/content', {
    config: { permission: 'files.read' },
    schema: { tags, summary: 'Download a file (inline=true shows an image in the page)', params: IdParam, querystring: FileContentQuery },
    handler: async (request, reply) => {
      const { file, stream } = await openFileContent(ctxOf(platform, request), request.params.id);
      const inline = request.query.inline === true && INLINE_TYPES.has(file.mediaType);
      reply.type(file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType).header('etag', `"${file.sha256}"`);
      return sendStoredFile(reply, { kind: inline ? 'inline' : 'attachment', name: file.originalName, sizeBytes: file.sizeBytes, stream });
    },
  });
}

/**
 * A stored file's bytes as a download: its length and name, sandboxed (an uploaded HTML or SVG runs nothing), never
 * cached by shared caches. The caller sets the media type (and any other header) first.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { kind?: 'inline' | 'attachment'; name: string; sizeBytes: number; stream: NodeJS.ReadableStream },
): FastifyReply {
  return reply
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', contentDisposition(file.kind ?? 'attachment', file.name))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(file.stream);
}

/** RFC 6266: an ASCII fallback for old clients, and the real name in UTF-8. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
