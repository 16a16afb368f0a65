/**
 * Pure rules of delegations and their follow-ups (issue 7, PRODUCT.md module 8). The 2018 Pakistani delegation of
 * seeds/000 ran from 26 November to 7 December and visited Jinan, Nanjing, Hangzhou, Ningbo, Wuhan and Beijing in
 * that order: a visit has a first and a last day, and every stop of its itinerary falls on one of them.
 */

/** Dates are ISO days (YYYY-MM-DD); they compare as strings. */
export type Day = string;

/** Today as an ISO day in UTC. */
export const isoDay = (d: Date = new Date()): Day => d.toISOString().slice(0, 10);

/** The day `n` days after `day` (before, for negative n). */
export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

export type DateProblem =
  | { code: 'cooperation.delegations.dates_reversed'; params: { startsOn: Day; endsOn: Day } }
  | { code: 'cooperation.delegations.stop_outside_visit'; params: { index: number; day: Day; city: string; startsOn: Day; endsOn: Day } };

/**
 * What is wrong with a visit's dates, or null: it ends on or after the day it starts (seeds/000: 26 Nov – 7 Dec 2018),
 * and every stop's day lies within those dates.
 */
export function visitDateProblem(startsOn: Day, endsOn: Day, stops: readonly { day: Day; city: string }[]): DateProblem | null {
  if (endsOn < startsOn) return { code: 'cooperation.delegations.dates_reversed', params: { startsOn, endsOn } };
  const index = stops.findIndex((s) => s.day < startsOn || s.day > endsOn);
  if (index >= 0)
    return { code: 'cooperation.delegations.stop_outside_visit', params: { index, day: stops[index].day, city: stops[index].city, startsOn, endsOn } };
  return null;
}

/** An itinerary in reading order: by day, then the order the stops of a day were recorded in. */
export function orderStops<T extends { day: Day; position: number }>(stops: readonly T[]): T[] {
  return [...stops].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.position - b.position));
}

/** The cities of an itinerary once each, in the order first visited (Jinan, Nanjing, Hangzhou, … in seeds/000). */
export function citiesOf(stops: readonly { day: Day; position: number; city: string }[]): string[] {
  return [...new Set(orderStops(stops).map((s) => s.city))];
}

/**
 * Names keep their native script (DESIGN.md, Data; the cooperation brief): the registry's native name when it has
 * one, else the Chinese name of someone or something in China (梁桂 for Dr. Liang Gui, seeds/001), else English.
 */
export function nativeNameOf(row: { names: { en: string; zh?: string; ur?: string }; nativeName?: string | null; country: string }): string {
  if (row.nativeName) return row.nativeName;
  if ((row.country === 'CN' || row.country === 'TW' || row.country === 'HK' || row.country === 'MO') && row.names.zh) return row.names.zh;
  return row.names.en;
}

/** Owners are reminded this many days before a follow-up is due. */
export const REMIND_DAYS_BEFORE = 7;

export type FollowUpForReminder = { status: string; dueOn: Day | null; ownerUserId: string | null; remindedFor: Day | null; overdueNoticeFor: Day | null };

/** A follow-up is overdue when it is open and its due day has passed. */
export const isOverdue = (f: { status: string; dueOn: Day | null }, today: Day): boolean => f.status === 'open' && f.dueOn !== null && f.dueOn < today;

/**
 * Which notice an owner is due today, if any: one reminder within the week before the due day, one notice once it
 * has passed — each once per due date (a new due date gets its own), none for a follow-up done or dropped, or
 * with nobody to tell.
 */
export function noticeDue(f: FollowUpForReminder, today: Day): 'due' | 'overdue' | null {
  if (f.status !== 'open' || !f.dueOn || !f.ownerUserId) return null;
  if (f.dueOn < today) return f.overdueNoticeFor === f.dueOn ? null : 'overdue';
  if (addDays(f.dueOn, -REMIND_DAYS_BEFORE) <= today) return f.remindedFor === f.dueOn ? null : 'due';
  return null;
}

/** The next day on which `noticeDue` will have something to say for this follow-up (after today), or null. */
export function nextNoticeDay(f: FollowUpForReminder, today: Day): Day | null {
  if (f.status !== 'open' || !f.dueOn || !f.ownerUserId) return null;
  const days: Day[] = [];
  const remindOn = addDays(f.dueOn, -REMIND_DAYS_BEFORE);
  if (f.remindedFor !== f.dueOn && f.dueOn >= today) days.push(remindOn > today ? remindOn : today);
  if (f.overdueNoticeFor !== f.dueOn) days.push(addDays(f.dueOn, 1) > today ? addDays(f.dueOn, 1) : today);
  return days.length ? days.sort()[0] : null;
}
