import type { FastifyBaseLogger } from 'fastify';
import type { Role, ScopeType } from '../../shared/roles';
import type { Language } from '../../shared/roles';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { forbidden, unauthenticated } from './errors';

export type RoleGrant = { role: Role; scopeType: ScopeType | null; scopeId: string | null };

export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  roles: RoleGrant[];
  via: 'session' | 'token' | 'system';
  sessionId?: string;
};

/** What every service verb receives: who asks, in which language, on which database. */
export type Ctx = {
  database: Database;
  config: Config;
  actor: Actor | null;
  lang: Language;
  requestId: string;
  ip: string | null;
  log: FastifyBaseLogger;
};

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((g) => g.role === role);
}

/**
 * For scoped roles: passes an admin, a holder of `role` with no scope (national reach),
 * or one whose grant names exactly this scope.
 */
export function requireScope(ctx: Ctx, role: Role, scopeType: ScopeType, scopeId: string): Actor {
  const actor = requireActor(ctx);
  const ok = actor.roles.some(
    (g) => g.role === 'admin' || (g.role === role && (g.scopeType === null || (g.scopeType === scopeType && g.scopeId === scopeId))),
  );
  if (!ok) throw forbidden();
  return actor;
}

/** A context for work done by the system itself (CLI, jobs, seeding). */
export function systemCtx(database: Database, config: Config, log: FastifyBaseLogger, label = 'system'): Ctx {
  return {
    database,
    config,
    actor: { userId: '00000000-0000-0000-0000-000000000000', email: label, displayName: label, locale: 'en', roles: [{ role: 'admin', scopeType: null, scopeId: null }], via: 'system' },
    lang: 'en',
    requestId: `${label}-${Date.now()}`,
    ip: null,
    log,
  };
}
