import type { Ctx } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { allows, type Permission } from '../../../platform/permissions';

const rolesOf = (ctx: Ctx) => ctx.actor?.roles.map((g) => g.role) ?? null;
const holds = (ctx: Ctx, p: Permission) => !!ctx.actor && allows(p, rolesOf(ctx));

/** Staff (cooperation.read) read drafts, internal notes and contact details; the public reads what is published. */
export const readsStaff = (ctx: Ctx): boolean => holds(ctx, 'cooperation.read') || holds(ctx, 'cooperation.manage');
export const managesCooperation = (ctx: Ctx): boolean => holds(ctx, 'cooperation.manage');

/** The routes already check this; services check it again so that they are safe to call from elsewhere. */
export function requireManage(ctx: Ctx): void {
  if (!managesCooperation(ctx)) throw forbidden();
}

/** Escapes LIKE wildcards in words a reader typed. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
