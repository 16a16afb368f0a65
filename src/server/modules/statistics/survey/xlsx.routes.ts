import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParam } from '../../../../shared/contracts/common';
import { UploadResult } from '../../../../shared/contracts/statistics';
import { LANGUAGES } from '../../../../shared/roles';
import { AppError, badRequest } from '../../../platform/errors';
import { formatBytes } from '../../../platform/http/error-handler';
import { type App, ctxOf, type Platform } from '../../../platform/http/request-context';
import { surveyTemplate } from './xlsx-template';
import { uploadSurveyFile } from './xlsx-upload';

const tags = ['statistics: survey'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A filled template is a few dozen kilobytes; 2 MB leaves room for formatting and refuses anything else early. */
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/** The one file of the multipart body; a body that is not well-formed multipart is a 400 (the parser throws plain errors). */
async function readFilePart(request: FastifyRequest, reply: FastifyReply, limit: number): Promise<Buffer> {
  let bytes: Buffer;
  let truncated = false;
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file') throw badRequest('file_required');
    bytes = await part.toBuffer();
    truncated = part.file.truncated;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (err instanceof AppError || (typeof code === 'string' && code.startsWith('FST_'))) throw err;
    throw badRequest('bad_request');
  }
  if (truncated) {
    // The rest of an over-size upload is not read: close the connection after the answer.
    reply.header('connection', 'close');
    throw new AppError(413, 'payload_too_large', { limit: formatBytes(limit) });
  }
  if (bytes.length === 0) throw badRequest('file_required');
  return bytes;
}

export async function surveyXlsxRoutes(app: App, platform: Platform) {
  app.get('/api/v1/statistics/forms/:id/template', {
    config: { permission: 'statistics.survey' },
    schema: {
      tags,
      summary:
        "The form's XLSX template: a header block and one row per indicator (code in column A, name, unit, definition, last year, the value to fill, required); only the value cells are unlocked. With submissionId: that return's entity, last year's and present values.",
      params: IdParam,
      querystring: z.object({ lang: z.enum(LANGUAGES).optional(), submissionId: z.uuid().optional() }),
    },
    handler: async (request, reply) => {
      const { filename, body } = await surveyTemplate(ctxOf(platform, request), request.params.id, request.query);
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(body);
    },
  });

  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const limit = Math.min(MAX_TEMPLATE_BYTES, platform.config.maxUploadBytes);
    // No throw on the size limit: the answer names this route's limit, not the platform's.
    await scope.register(multipart, { limits: { fileSize: limit, files: 1, fields: 5, parts: 10 }, throwFileSizeLimit: false });

    scope.post('/api/v1/statistics/submissions/:id/upload', {
      config: { permission: 'statistics.survey' },
      schema: {
        tags,
        summary:
          'Upload a filled XLSX template into a return (multipart field "file", at most 2 MB). dryRun=true (default) reads and checks and saves nothing; dryRun=false saves the file\'s values in place of the draft\'s, or answers 422 while any cell cannot be read.',
        params: IdParam,
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true'), version: z.coerce.number().int().optional() }),
        consumes: ['multipart/form-data'],
        response: { 200: UploadResult },
      },
      handler: async (request, reply) => {
        const bytes = await readFilePart(request, reply, limit);
        return uploadSurveyFile(ctxOf(platform, request), request.params.id, bytes, {
          dryRun: request.query.dryRun === 'true',
          version: request.query.version,
        });
      },
    });
  });
}
