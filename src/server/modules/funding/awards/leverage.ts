/**
 * Leverage of the seed fund (issue 4), pure: the other money an award brought in, divided by the award.
 * The seeds report it for Innofund as a whole: "17 times more funds have been leveraged by Innofund from
 * local governments and social forces" (LEVERAGE_SOURCE). Seedbed computes it from the follow-on money
 * that milestone reports declare, per award, and summed per call and per program: Σ follow-on ÷ Σ awarded,
 * the money-weighted ratio, which is what "17 times" measures (not a mean of per-award ratios).
 *
 * Amounts of different currencies are never added: a group with several currencies gives one figure per
 * currency.
 */

export const LEVERAGE_SOURCE = 'seeds/001_55069fa1c9af000a.txt#17 times more funds have been leveraged by Innofund from local governments and social forces';
/** The figure the seeds report for Innofund (see LEVERAGE_SOURCE). */
export const SEED_REPORTED_LEVERAGE = 17;

export type AwardMoney = {
  awardId: string;
  currency: string;
  /** The amount awarded. */
  amount: number;
  /** Every follow-on amount reported for the award (investment, loans, other grants), in the award's currency. */
  followOn: number[];
};

export type Leverage = {
  currency: string;
  awarded: number;
  followOn: number;
  /** followOn ÷ awarded; null when nothing is awarded. */
  ratio: number | null;
  awards: number;
};

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function awardLeverage(a: AwardMoney): Leverage {
  const followOn = a.followOn.reduce((s, x) => s + x, 0);
  return { currency: a.currency, awarded: a.amount, followOn: round(followOn, 2), ratio: a.amount > 0 ? round(followOn / a.amount) : null, awards: 1 };
}

/** Leverage of a group of awards (a call, a program), one figure per currency, largest amount awarded first. */
export function groupLeverage(awards: readonly AwardMoney[]): Leverage[] {
  const by = new Map<string, Leverage>();
  for (const a of awards) {
    const one = awardLeverage(a);
    const g = by.get(a.currency) ?? { currency: a.currency, awarded: 0, followOn: 0, ratio: null, awards: 0 };
    g.awarded += one.awarded;
    g.followOn += one.followOn;
    g.awards += 1;
    by.set(a.currency, g);
  }
  return [...by.values()]
    .map((g) => ({ ...g, awarded: round(g.awarded, 2), followOn: round(g.followOn, 2), ratio: g.awarded > 0 ? round(g.followOn / g.awarded) : null }))
    .sort((x, y) => y.awarded - x.awarded || (x.currency < y.currency ? -1 : 1));
}
