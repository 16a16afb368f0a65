import type { z } from 'zod';
import { type Ctx, requireActor } from '../../../platform/context';
import { AppError, forbidden } from '../../../platform/errors';
import { zodErrorMap } from '../../../platform/http/validation';
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
