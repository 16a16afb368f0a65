import type { CallPhase, CallStatus } from '../../../../shared/contracts/funding';

/**
 * Pure rules of a call's window. A call takes applications when it is `open` and the server's clock is
 * inside [opensAt, closesAt): the deadline instant itself is already too late.
 */
export function callPhase(call: { status: CallStatus; opensAt: Date; closesAt: Date }, now: Date): CallPhase {
  if (call.status === 'draft') return 'upcoming';
  if (call.status !== 'open') return 'ended';
  if (now < call.opensAt) return 'upcoming';
  if (now >= call.closesAt) return 'ended';
  return 'accepting';
}

export const acceptsApplications = (call: { status: CallStatus; opensAt: Date; closesAt: Date }, now: Date) => callPhase(call, now) === 'accepting';

/** The transitions an officer may make by hand. */
const TRANSITIONS: Record<CallStatus, CallStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open'],
  results_published: [],
  cancelled: [],
};
export const canTransition = (from: CallStatus, to: CallStatus) => TRANSITIONS[from].includes(to);

/** A deadline as people read it: the instant in the call's own time zone, with the zone's name. */
export function formatDeadline(instant: Date, timeZone: string, lang: string): string {
  const locale = lang === 'zh' ? 'zh-CN' : lang === 'ur' ? 'ur-PK' : 'en-GB';
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone, hourCycle: 'h23' }).format(instant);
  return `${text} (${timeZone})`;
}

/** The year the call belongs to, for rules such as "a failed acceptance bars applying for three years". */
export function callYear(closesAt: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(closesAt));
}
