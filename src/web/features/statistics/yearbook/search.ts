import { useNavigate, useSearch } from '@tanstack/react-router';

const num = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export type YearbookSearch = { year?: number; indicator?: string; n?: number };

/** The yearbook pages keep the year (and the indicator, the length of a top list) in the address, to share. */
export const parseYearbookSearch = (s: Record<string, unknown>): YearbookSearch => ({ year: num(s.year), indicator: str(s.indicator), n: num(s.n) });

export function useYearbookSearch(): [YearbookSearch, (patch: Partial<YearbookSearch>) => void] {
  const search = useSearch({ strict: false }) as YearbookSearch;
  const navigate = useNavigate();
  const set = (patch: Partial<YearbookSearch>) =>
    void navigate({ to: '.', search: ((prev: Record<string, unknown>) => ({ ...prev, ...patch })) as never, replace: true });
  return [search, set];
}
