import type { Ctx } from '../../../platform/context';
import { allows } from '../../../platform/permissions';

/** Today as an ISO day (YYYY-MM-DD), in UTC. */
export const isoDay = (d: Date = new Date()): string => d.toISOString().slice(0, 10);

/**
 * An opportunity takes applications while it is open and its deadline (the last day to apply) has not passed.
 * Offers made during the 2018 delegation name no deadline (seeds/000: "provide internship opportunities for
 * Pakistani students", "offer two scholarships every year") — with no deadline an open offer stays open until closed.
 */
export function isAccepting(row: { status: string; deadline: string | null }, today: string): boolean {
  if (row.status !== 'open') return false;
  return row.deadline === null || row.deadline >= today;
}

/** Why an opportunity takes no application (null when it does): it is a draft, closed, or past its deadline. */
export function refusalOf(
  row: { status: string; deadline: string | null; opensOn?: string | null },
  today: string,
): 'draft' | 'closed' | 'past_deadline' | 'not_yet_open' | null {
  if (row.status === 'draft') return 'draft';
  if (row.status === 'closed') return 'closed';
  if (row.deadline !== null && row.deadline < today) return 'past_deadline';
  if (row.opensOn && row.opensOn > today) return 'not_yet_open';
  return null;
}

/** A deadline must not come before the opening day. */
export const datesInOrder = (opensOn: string | null | undefined, deadline: string | null | undefined): boolean => !opensOn || !deadline || deadline >= opensOn;

/** The offering side's decisions an application may move between (a withdrawn one is final). */
export function canDecide(current: string): boolean {
  return current === 'submitted' || current === 'shortlisted' || current === 'accepted' || current === 'declined';
}
/** The applicant may withdraw until the offering side has declined. */
export function canWithdraw(current: string): boolean {
  return current === 'submitted' || current === 'shortlisted' || current === 'accepted';
}

const rolesOf = (ctx: Ctx) => ctx.actor?.roles.map((g) => g.role) ?? null;
/** Staff read drafts and closed opportunities (cooperation.read). */
export const readsStaff = (ctx: Ctx): boolean => !!ctx.actor && allows('cooperation.read', rolesOf(ctx));
/** Officers manage opportunities (cooperation.manage). */
export const managesCooperation = (ctx: Ctx): boolean => !!ctx.actor && allows('cooperation.manage', rolesOf(ctx));
/** The offering side of one opportunity: admin, cooperation officers, and the users named as its managers. */
export function isOfferingSide(ctx: Ctx, row: { managerUserIds: string[]; createdBy: string | null }): boolean {
  if (!ctx.actor) return false;
  if (managesCooperation(ctx)) return true;
  return row.managerUserIds.includes(ctx.actor.userId);
}
