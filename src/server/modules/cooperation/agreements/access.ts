import type { Actor } from '../../../platform/context';
import { allows } from '../../../platform/permissions';

/**
 * Who sees what of agreements (issue 7, "What is public"): everyone reads published agreements — and terminated
 * ones, whose record stays public — without internal notes, evidence or who answers for a commitment; staff
 * (cooperation.read) read drafts and everything else; officers (cooperation.manage) record and follow them through.
 */
export const PUBLIC_STATUSES = ['published', 'terminated'] as const;

const rolesOf = (actor: Actor | null) => (actor ? actor.roles.map((g) => g.role) : null);
export const isStaff = (actor: Actor | null) => allows('cooperation.read', rolesOf(actor));
export const canManage = (actor: Actor | null) => allows('cooperation.manage', rolesOf(actor));
export const isPublicStatus = (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status);
