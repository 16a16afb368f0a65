import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { translate } from '../../../shared/i18n';
import { AppError } from '../errors';
import { localizedIssues, RequestValidationError } from './validation';

type Detail = { path: string; message: string; code?: string };

/** Maps every failure to the one error shape; never leaks a stack trace. */
export function installErrorHandling(app: FastifyInstance, opts: { maxBodyBytes: number; maxUploadBytes: number }) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = request.lang ?? 'en';
    if (error instanceof RequestValidationError) {
      return send(reply, request, error.statusCode, 'validation_failed', {}, localizedIssues(error, lang));
    }
    if (error instanceof AppError) {
      reply.headers(error.headers);
      const message = translate(lang, error.code, error.params);
      const details = error.details?.map((d) => ({ ...d, message: d.message || message }));
      return send(reply, request, error.status, error.code, error.params, details);
    }
    const mapped = mapFrameworkError(error, opts);
    if (mapped) return send(reply, request, mapped.status, mapped.code, mapped.params);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'internal', { requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return send(reply, request, 404, 'route_not_found', { method: request.method, url: request.url.split('?')[0] });
    }
    return reply.callNotFound();
  });
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, params: Record<string, unknown> = {}, details?: Detail[]) {
  const message = translate(request.lang ?? 'en', code, params);
  return reply.status(status).type('application/json').send({ error: { code, message, ...(details ? { details } : {}) } });
}

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';

function mapFrameworkError(error: FastifyError & { cause?: unknown }, opts: { maxBodyBytes: number; maxUploadBytes: number }) {
  const pgCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (pgCode === PG_UNIQUE_VIOLATION) return { status: 409, code: 'conflict' };
  if (pgCode === PG_FOREIGN_KEY_VIOLATION) return { status: 409, code: 'conflict' };
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', params: { limit: formatBytes(opts.maxBodyBytes) } };
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, code: 'payload_too_large', params: { limit: formatBytes(opts.maxUploadBytes) } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type' };
  }
  if (error instanceof SyntaxError) return { status: 400, code: 'invalid_json' };
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: error.statusCode === 404 ? 'not_found' : 'bad_request' };
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.round(n / 1024)} KB`;
}
