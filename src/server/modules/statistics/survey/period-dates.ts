/**
 * The dates of a reporting period. China's Torch survey follows the calendar year; Pakistan's fiscal year
 * runs 1 July to 30 June and is named by the year it ends in (FY 2024-25 → 2025), as the yearbook files it.
 */
export type Calendar = 'calendar' | 'fiscal_jul_jun';

export function periodDates(calendar: Calendar, year: number): { startsOn: string; endsOn: string } {
  if (calendar === 'calendar') return { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
  return { startsOn: `${year - 1}-07-01`, endsOn: `${year}-06-30` };
}

/** "2025" or "FY 2024-25". */
export function periodLabel(calendar: Calendar, year: number): string {
  return calendar === 'calendar' ? String(year) : `FY ${year - 1}-${String(year % 100).padStart(2, '0')}`;
}

/** Late: submitted after the due date (end of that day, UTC), or not submitted and the due date has passed. */
export function isLate(dueOn: string, submittedAt: Date | null, now: Date = new Date()): boolean {
  const deadline = new Date(`${dueOn}T23:59:59.999Z`);
  return (submittedAt ?? now) > deadline;
}
