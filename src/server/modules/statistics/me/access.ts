import type { z } from 'zod';
import type { Ctx } from '../../../platform/context';
import { requireActor } from '../../../platform/context';
import { AppError, forbidden } from '../../../platform/errors';
import { zodErrorMap } from '../../../platform/http/validation';
import { allows, type Permission } from '../../../platform/permissions';

type MePermission = Extract<Permission, 'statistics.read' | 'statistics.manage'>;
const rolesOf = (ctx: Ctx) => (ctx.actor ? ctx.actor.roles.map((g) => g.role) : null);

/**
 * The first step of every M&E verb (the routes check the same permission; the CLI and tests call the verbs
 * directly): 'statistics.read' to read progress, 'statistics.manage' to create and edit policies, goals and targets.
 */
export function requirePermission(ctx: Ctx, permission: MePermission) {
  const actor = requireActor(ctx);
  if (!allows(permission, rolesOf(ctx))) throw forbidden();
  return actor;
}

export const canManage = (ctx: Ctx): boolean => !!ctx.actor && allows('statistics.manage', rolesOf(ctx));

/** The verb's own parse of its input (the route has parsed it already): a 422 with zod's messages in the caller's language. */
export function parseInput<S extends z.ZodType>(ctx: Ctx, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw, { error: zodErrorMap(ctx.lang) });
  if (result.success) return result.data;
  throw new AppError(
    422,
    'validation_failed',
    {},
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code })),
  );
}

/** A 422 whose details carry messages of the `me` catalogue, already translated. */
export function invalid(details: { path: string; message: string }[]): AppError {
  return new AppError(422, 'validation_failed', {}, details);
}
