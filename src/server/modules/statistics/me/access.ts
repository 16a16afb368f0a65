import type { Ctx } from '../../../platform/context';
import { requireActor } from '../../../platform/context';
import { AppError, forbidden } from '../../../platform/errors';
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

export { parseInput } from '../../../platform/http/validation';

/** A 422 whose details carry messages of the `me` catalogue, already translated. */
export function invalid(details: { path: string; message: string }[]): AppError {
  return new AppError(422, 'validation_failed', {}, details);
}
