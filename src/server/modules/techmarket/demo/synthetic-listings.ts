import { randomUUID } from 'node:crypto';
import type { ListingTexts } from '../techmarket.tables';
import { createRng } from '../../registry/synthetic';
import { techmarketReference, type ConceptDef } from '../text/reference';
import { listingTerms, tsvectorLiteral } from '../text/terms';

/**
 * Deterministic synthetic listings at national scale (for the bench and demos), always `synthetic`. Each is
 * written in one language (Chinese most often, as the market's offers are; then English, then Urdu), about two
 * to four concepts of one sector of the dictionary, with the shape of real listings: an offer has readiness,
 * IP and forms of deal; a need has a budget and a deadline. The texts are template sentences around the
 * concepts' own terms, so search and matching see what they would see in real listings.
 */

type Lang = 'en' | 'zh' | 'ur';
const LANGS: { lang: Lang; weight: number }[] = [
  { lang: 'zh', weight: 0.45 },
  { lang: 'en', weight: 0.35 },
  { lang: 'ur', weight: 0.2 },
];
const COUNTRIES: Record<Lang, string[]> = { zh: ['CN'], en: ['PK', 'CN', 'MY'], ur: ['PK'] };
const DEAL_FORMS = ['licence', 'assignment', 'joint_development', 'service'];
const IP_TYPES = ['invention_patent', 'utility_model', 'patent_application', 'software_copyright', 'know_how'];

const OFFER: Record<Lang, (a: string, b: string) => ListingTexts[Lang]> = {
  en: (a, b) => ({ title: `${cap(a)} with ${b}`, summary: `A proven ${a} technology, combining ${b}, ready for licensing or joint development.` }),
  zh: (a, b) => ({ title: `${a}与${b}技术`, summary: `本成果涉及${a}和${b}，已完成中试，可许可或合作开发。` }),
  ur: (a, b) => ({ title: `${a} اور ${b} کی ٹیکنالوجی`, summary: `یہ ٹیکنالوجی ${a} اور ${b} پر مبنی ہے اور لائسنس یا مشترکہ ترقی کے لیے دستیاب ہے۔` }),
};
const NEED: Record<Lang, (a: string, b: string) => ListingTexts[Lang]> = {
  en: (a, b) => ({ title: `Looking for ${a} for ${b}`, summary: `Our plant needs ${a} to improve ${b}; we seek a partner with a working solution.` }),
  zh: (a, b) => ({ title: `寻求${a}用于${b}`, summary: `我公司需要${a}，以改进${b}，寻找有成熟方案的合作方。` }),
  ur: (a, b) => ({ title: `${b} کے لیے ${a} درکار ہے`, summary: `ہمیں ${b} بہتر بنانے کے لیے ${a} کی ضرورت ہے؛ ایسے شراکت دار کی تلاش ہے جس کے پاس حل ہو۔` }),
};
/** The span of publication dates of the synthetic market. */
const SPAN_MS = 330 * 86_400_000;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type SyntheticListing = Record<string, unknown>;

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

function pickLang(rng: () => number): Lang {
  let r = rng();
  for (const { lang, weight } of LANGS) {
    r -= weight;
    if (r <= 0) return lang;
  }
  return 'en';
}

/** The concepts of each sector that has at least two (a listing talks about two or more). */
function conceptsBySector(concepts: ConceptDef[]): [string, ConceptDef[]][] {
  const by = new Map<string, ConceptDef[]>();
  for (const c of concepts) if (c.sector) by.set(c.sector, [...(by.get(c.sector) ?? []), c]);
  return [...by].filter(([, cs]) => cs.length >= 2);
}

/**
 * `count` listing rows for `copyRows(tx, tmListings, …)`, in batches of `batch`: ids, texts, concepts and the
 * search vector computed as the service computes them (text/terms.ts).
 */
export function* syntheticListings(opts: { count: number; seed: number; batch?: number; now?: Date }): Generator<SyntheticListing[]> {
  const rng = createRng(opts.seed);
  const sectors = conceptsBySector(techmarketReference().concepts);
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 5000;
  let rows: SyntheticListing[] = [];
  for (let i = 0; i < opts.count; i++) {
    const kind = rng() < 0.6 ? 'offer' : 'need';
    const lang = pickLang(rng);
    const [sector, concepts] = pick(rng, sectors);
    const a = pick(rng, concepts);
    const b = pick(
      rng,
      concepts.filter((c) => c !== a),
    );
    const texts: ListingTexts = { [lang]: (kind === 'offer' ? OFFER : NEED)[lang](pick(rng, a.terms[lang]), pick(rng, b.terms[lang])) };
    const keywords = rng() < 0.5 ? [pick(rng, pick(rng, concepts).terms[lang])] : [];
    const { terms, concepts: found } = listingTerms({ texts, keywords, sector });
    // Published over the last 330 days in the order they are written. In a live market the table's physical order
    // follows publication too: publishing rewrites a listing's row, and a new row version goes where there is free
    // space, mostly at the table's end. (Random dates would shuffle it, which no real table is.)
    const publishedAt = new Date(now.getTime() - Math.round(SPAN_MS * (1 - (i + rng()) / opts.count)));
    const country = pick(rng, COUNTRIES[lang]);
    rows.push({
      id: randomUUID(),
      kind,
      status: 'published',
      texts,
      languages: [lang],
      ownerType: rng() < 0.5 ? 'enterprise' : 'institution',
      ownerId: randomUUID(),
      ownerName: `Synthetic ${kind === 'offer' ? 'owner' : 'asker'} ${i + 1}`,
      country,
      sector,
      keywords,
      concepts: found,
      trl: kind === 'offer' ? 3 + Math.floor(rng() * 7) : rng() < 0.7 ? 4 + Math.floor(rng() * 4) : null,
      dealForms: DEAL_FORMS.filter(() => rng() < 0.4),
      ip: kind === 'offer' ? { type: pick(rng, IP_TYPES), number: null, status: rng() < 0.7 ? 'granted' : 'pending' } : null,
      budget: kind === 'need' ? String(Math.round(10_000 + rng() * 2_000_000)) : null,
      currency: kind === 'need' ? (country === 'PK' ? 'PKR' : 'CNY') : null,
      deadline: kind === 'need' ? new Date(now.getTime() + (30 + Math.floor(rng() * 300)) * 86_400_000).toISOString().slice(0, 10) : null,
      // Each listing its own (synthetic) author: matching never suggests a listing of the same author.
      createdBy: randomUUID(),
      submittedAt: publishedAt,
      publishedAt,
      expiresAt: new Date(publishedAt.getTime() + 365 * 86_400_000),
      search: tsvectorLiteral(terms),
      synthetic: true,
    });
    if (rows.length >= batch) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length) yield rows;
}
