/**
 * The ranked list of a call and its funding line (issue 4), pure. Applications are ranked by the mean of
 * their reviewers' totals (raw or normalised), and the budget is spent down the list: the funding line falls
 * above the first application whose requested amount no longer fits in what is left. Nothing below the
 * line is funded, even when a smaller request further down would fit: the order of merit is kept.
 */

export type RankInput = {
  applicationId: string;
  /** Each submitted review's total (already normalised when the call asks for it). */
  totals: number[];
  /** The amount the application asks for, in the call's currency. */
  requested: number;
};

export type Ranked = {
  applicationId: string;
  rank: number;
  /** Mean of the totals; null when no review is in yet (ranked last). */
  score: number | null;
  reviews: number;
  /** Lowest and highest total, to show how far the reviewers agree. */
  spread: { min: number; max: number } | null;
  requested: number;
  /** Sum of the requests of this application and every one ranked above it. */
  cumulative: number;
  aboveLine: boolean;
};

export type RankedList = {
  items: Ranked[];
  budget: number;
  /** What the applications above the line ask for together. */
  committed: number;
  remaining: number;
  /** Rank of the last application above the line (0: none fits). */
  lineAfterRank: number;
  /** Applications with fewer reviews than required: the list is provisional while there are any. */
  incomplete: number;
};

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Ranks applications: higher mean first; ties by more reviews, then by lower request (more projects for the
 * budget), then by id, so the list is the same every time. Applications without reviews come last.
 */
export function rankApplications(inputs: readonly RankInput[], budget: number, reviewsRequired = 1): RankedList {
  const scored = inputs.map((x) => ({
    ...x,
    score: x.totals.length ? round(x.totals.reduce((s, t) => s + t, 0) / x.totals.length) : null,
  }));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? cmp(a.applicationId, b.applicationId) : 1) : -1;
    return b.score - a.score || b.totals.length - a.totals.length || a.requested - b.requested || cmp(a.applicationId, b.applicationId);
  });
  let cumulative = 0;
  let open = true;
  let committed = 0;
  let lineAfterRank = 0;
  const items = scored.map((x, i): Ranked => {
    cumulative += x.requested;
    const fits = open && x.score !== null && committed + x.requested <= budget + 1e-9;
    if (fits) {
      committed += x.requested;
      lineAfterRank = i + 1;
    } else open = false;
    return {
      applicationId: x.applicationId,
      rank: i + 1,
      score: x.score,
      reviews: x.totals.length,
      spread: x.totals.length ? { min: Math.min(...x.totals), max: Math.max(...x.totals) } : null,
      requested: x.requested,
      cumulative: round(cumulative, 2),
      aboveLine: fits,
    };
  });
  return {
    items,
    budget,
    committed: round(committed, 2),
    remaining: round(budget - committed, 2),
    lineAfterRank,
    incomplete: inputs.filter((x) => x.totals.length < reviewsRequired).length,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
