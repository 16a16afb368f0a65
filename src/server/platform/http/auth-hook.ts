import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { negotiateLanguage } from '../../../shared/i18n';
import type { Language } from '../../../shared/roles';
import { API_TOKEN_PREFIX, resolveApiToken, resolveSession, SESSION_COOKIE } from '../accounts/sessions';
import type { Database } from '../../db/client';
import { AppError, forbidden, unauthenticated } from '../errors';
import { allows, type Permission } from '../permissions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before the body is read: who is asking (session cookie or API token),
 * in which language, whether a cookie-authenticated write carries its CSRF token,
 * and whether the route's permission lets them in.
 */
export function installAuth(app: FastifyInstance, database: Database) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.lang = negotiateLanguage(request.headers['accept-language']);
    await identify(request, database);
    const permission = request.routeOptions.config?.permission as Permission | undefined;
    if (!permission) return; // unknown route: the not-found handler answers
    if (request.actor?.via === 'session' && !SAFE_METHODS.has(request.method)) checkCsrf(request);
    if (!allows(permission, request.actor ? request.actor.roles.map((g) => g.role) : null)) {
      throw request.actor ? forbidden() : unauthenticated();
    }
  });
}

async function identify(request: FastifyRequest, database: Database): Promise<void> {
  request.actor = null;
  request.csrfToken = null;
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    const actor = token.startsWith(API_TOKEN_PREFIX) ? await resolveApiToken(database.db, token) : null;
    if (!actor) throw new AppError(401, 'invalid_token');
    request.actor = actor;
  } else {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(database.db, token) : null;
    if (session) {
      request.actor = session.actor;
      request.csrfToken = session.csrfToken;
    }
  }
  if (request.actor && !hasExplicitLanguage(request.headers['accept-language'])) {
    request.lang = request.actor.locale as Language;
  }
}

const hasExplicitLanguage = (header: string | undefined) => !!header && negotiateLanguage(header, 'xx' as Language) !== ('xx' as Language);

function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  const expected = request.csrfToken;
  const ok =
    typeof sent === 'string' && !!expected && sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new AppError(403, 'csrf_failed');
}
