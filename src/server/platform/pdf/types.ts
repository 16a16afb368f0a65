export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'keyValues'; items: { label: string; value: string }[] }
  | { kind: 'table'; columns: { label: string; align?: 'start' | 'end' }[]; rows: string[][]; caption?: string }
  /** A simple horizontal bar chart drawn with vector shapes; `display` is the formatted value shown beside the bar. */
  | { kind: 'bars'; title?: string; items: { label: string; value: number; display: string; color?: string }[] };

export type ReportDoc = {
  lang: 'en' | 'zh' | 'ur';
  title: string;
  subtitle?: string;
  blocks: ReportBlock[];
  /** On every page, e.g. the source, a "synthetic data" marker, the time generated. */
  footer?: string;
};
