import { type Ctx, requireActor } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { allows, type Permission } from '../../../platform/permissions';

/**
 * The first two steps of every contract verb (the routes check the same, but the CLI, the demo and the tests
 * call the verbs directly): the permission, then the verb's own parse of its input — a 422 with zod's
 * messages in the caller's language.
 */
export function requirePermission(ctx: Ctx, permission: Permission) {
  const actor = requireActor(ctx);
  if (
    !allows(
      permission,
      actor.roles.map((g) => g.role),
    )
  )
    throw forbidden();
  return actor;
}

export { parseInput } from '../../../platform/http/validation';
