import type { MatchReason } from '../../../shared/contracts/techmarket';
import type { Language } from '../../../shared/roles';
import { isListingLanguage, type ListingLanguage, scriptOf } from './text';

export type { MatchReason };

/** A word with the language it is written in (so it keeps its script and direction). */
export type Term = { text: string; lang: ListingLanguage };

/**
 * A shared concept of the dictionary as the reader should read it: the label in the reader's language
 * (else English, else any), then the same concept's terms in the other languages the two listings are
 * written in — so "solar inverter" is seen to be what the Chinese offer calls 光伏逆变器.
 */
export function conceptTerms(labels: Record<string, string>, reader: Language, languages: readonly string[] = []): { main: Term; others: Term[] } {
  const order: string[] = [reader, 'en', ...Object.keys(labels)];
  const mainLang = order.find((l) => isListingLanguage(l) && labels[l]) as ListingLanguage | undefined;
  const main: Term = mainLang ? { text: labels[mainLang], lang: mainLang } : { text: '', lang: 'en' };
  const others: Term[] = [];
  for (const l of languages) {
    if (!isListingLanguage(l) || l === mainLang || !labels[l] || others.some((o) => o.lang === l)) continue;
    if (labels[l] === main.text) continue;
    others.push({ text: labels[l], lang: l });
  }
  return { main, others };
}

/** The i18n key (under `reasons.`) and its values for a reason that is one sentence. */
export type ReasonMessage = { key: string; values: Record<string, string | number> };

/**
 * Each reason as a sentence to translate. Labels (sectors, countries, deal forms) come from the caller, which
 * knows the reader's language; concepts are drawn apart (they carry terms in several scripts).
 */
export function reasonMessage(
  r: MatchReason,
  label: { sector: (code: string) => string; country: (code: string) => string; dealForms: (codes: string[]) => string },
): ReasonMessage {
  switch (r.type) {
    case 'concept':
      return { key: 'concept', values: { concept: r.concept } };
    case 'term':
      return { key: 'term', values: { term: r.term } };
    case 'sector':
      return { key: r.related ? 'sectorRelated' : 'sectorSame', values: { sector: label.sector(r.sector) } };
    case 'readiness':
      if (r.offerTrl === null || r.needTrl === null) return { key: 'readinessUnknown', values: { trl: r.offerTrl ?? r.needTrl ?? '' } };
      return { key: r.fits ? 'readinessFits' : 'readinessBelow', values: { offer: r.offerTrl, need: r.needTrl } };
    case 'country':
      return r.crossBorder
        ? { key: 'crossBorder', values: { from: label.country(r.from), to: label.country(r.to) } }
        : { key: 'sameCountry', values: { country: label.country(r.from) } };
    case 'dealForm':
      return { key: 'dealForms', values: { forms: label.dealForms(r.forms), count: r.forms.length } };
  }
}

const TYPE_ORDER: MatchReason['type'][] = ['concept', 'term', 'sector', 'readiness', 'dealForm', 'country'];

/**
 * Reasons in the order a reader weighs them: shared concepts and words first (the strongest first), then
 * sector, readiness, deal forms, countries. A term that only repeats a concept's label is dropped.
 */
export function orderReasons(reasons: readonly MatchReason[]): MatchReason[] {
  const conceptWords = new Set(reasons.flatMap((r) => (r.type === 'concept' ? Object.values(r.labels).map((s) => s.toLowerCase()) : [])));
  return reasons
    .filter((r) => r.type !== 'term' || !conceptWords.has(r.term.toLowerCase()))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => TYPE_ORDER.indexOf(a.r.type) - TYPE_ORDER.indexOf(b.r.type) || b.r.weight - a.r.weight || a.i - b.i)
    .map(({ r }) => r);
}

/** A shared word as typed in the texts: its language read from its script. */
export const termOf = (text: string): Term => ({ text, lang: scriptOf(text) });

/** A match's strength against the best suggestion shown (0–1), whatever scale the engine scores on. */
export function relativeScore(score: number, best: number): number {
  if (!(best > 0) || !Number.isFinite(score)) return 0;
  return Math.max(0, Math.min(1, score / best));
}
