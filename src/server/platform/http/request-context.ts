import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import type { Ctx } from '../context';

/** The Fastify instance type every module's routes receive. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export type Platform = { database: Database; config: Config };

export function ctxOf(platform: Platform, request: FastifyRequest): Ctx {
  return {
    database: platform.database,
    config: platform.config,
    actor: request.actor,
    lang: request.lang,
    requestId: request.id,
    ip: request.ip ?? null,
    log: request.log,
  };
}

/** The base URL links in e-mails point to. */
export function baseUrlOf(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export type { FastifyReply };
