/**
 * The seed fund's clock: deadlines are judged by the server's time, never the client's. Tests replace it
 * (`setFundingClock`) to stand just before or after a deadline without waiting.
 */
let clock: () => Date = () => new Date();

export const fundingNow = (): Date => clock();

/** Replace the clock (tests); call with no argument to restore the real one. */
export function setFundingClock(next?: () => Date): void {
  clock = next ?? (() => new Date());
}
