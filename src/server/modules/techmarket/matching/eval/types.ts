/** One listing of the evaluation set, written in one language. */
export type EvalListing = {
  id: string;
  lang: 'en' | 'zh' | 'ur';
  country: string;
  sector: string;
  trl?: number;
  dealForms?: string[];
  title: string;
  summary: string;
};

/** A need with the offers that answer it, judged by meaning (not by shared words). */
export type EvalNeed = EvalListing & { relevant: string[] };
