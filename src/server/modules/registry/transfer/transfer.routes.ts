import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENTITY_TYPES, EntityListQuery } from '../../../../shared/contracts/registry';
import { AppError, badRequest } from '../../../platform/errors';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { PLURAL } from '../entity-types';
import { iterateEntities } from '../read-entity';
import { runImport } from './run-import';
import { CONTENT_TYPES, writeTable } from './write-table';

const tags = ['registry import/export'];
const Format = z.enum(['csv', 'xlsx']);
const ImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  valid: z.number(),
  created: z.number(),
  updated: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  /** 'done': searchable now; 'queued': a large import, searchable once its index jobs have run (seconds). */
  indexing: z.enum(['done', 'queued']).optional(),
});

export async function transferRoutes(app: App, platform: Platform) {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(multipart, { limits: { fileSize: platform.config.maxUploadBytes, files: 1, fields: 5 }, throwFileSizeLimit: true });

    scope.post('/api/v1/imports/:type', {
      config: { permission: 'registry.write' },
      schema: {
        tags,
        summary:
          'Import a CSV or XLSX file of one entity type (multipart field "file"). dryRun=true lists every bad row; a real import writes all rows or none.',
        params: z.object({ type: z.enum(ENTITY_TYPES) }),
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult },
      },
      handler: async (request) => {
        const part = await request.file();
        if (!part) throw badRequest('file_required');
        const name = part.filename.toLowerCase();
        const format = name.endsWith('.csv') ? 'csv' : name.endsWith('.xlsx') ? 'xlsx' : null;
        if (!format) throw new AppError(415, 'unsupported_file_format');
        const bytes = await part.toBuffer();
        return runImport(ctxOf(platform, request), request.params.type, bytes, format, { dryRun: request.query.dryRun === 'true' });
      },
    });
  });

  app.get('/api/v1/imports/:type/template', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'An empty import template with the columns of the type (XLSX adds a sheet of allowed values)',
      params: z.object({ type: z.enum(ENTITY_TYPES) }),
      querystring: z.object({ format: Format.default('xlsx') }),
    },
    handler: async (request, reply) => {
      const { type } = request.params;
      const body = await writeTable(type, request.query.format, []);
      return reply
        .header('content-type', CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="seedbed-${PLURAL[type]}-template.${request.query.format}"`)
        .send(body);
    },
  });

  for (const type of ENTITY_TYPES) {
    app.get(`/api/v1/${PLURAL[type]}/export`, {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: `Export the filtered list of ${PLURAL[type]} as CSV or XLSX (same columns as the import template)`,
        querystring: EntityListQuery.extend({ format: Format.default('csv') }),
      },
      handler: async (request, reply) => {
        const { format, ...query } = request.query;
        const body = await writeTable(type, format, iterateEntities(ctxOf(platform, request), type, query));
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="seedbed-${PLURAL[type]}.${format}"`)
          .send(body);
      },
    });
  }
}
