import type { z } from 'zod';
import { LISTING_LANGUAGES, type ListingInput, type ListingPatch } from '../../../../shared/contracts/techmarket';
import { AppError } from '../../../platform/errors';
import { sectorTaxonomy } from '../text/reference';
import type { ListingTexts } from '../techmarket.tables';
import { indexColumns } from './index-columns';

type Written = z.output<typeof ListingInput>;
type Patch = z.output<typeof ListingPatch>;

/** When the writer does not say which language came first: a Chinese text is rarely a translation here. */
const DEFAULT_ORIGINAL_ORDER = ['zh', 'en', 'ur'] as const;

/** The languages written, the original first. */
export function languagesOf(texts: ListingTexts, original?: string | null): string[] {
  const written = LISTING_LANGUAGES.filter((l) => texts[l]);
  const first = original && written.includes(original as never) ? original : DEFAULT_ORIGINAL_ORDER.find((l) => texts[l]);
  return [first!, ...written.filter((l) => l !== first)];
}

function checkSector(sector: string) {
  if (!sectorTaxonomy().sectors.some((s) => s.code === sector)) {
    throw new AppError(422, 'techmarket.unknown_sector', { sector }, [{ path: 'sector', message: '' }]);
  }
}

function checkBudget(budget: number | null | undefined, currency: string | null | undefined) {
  if (budget != null && !currency) throw new AppError(422, 'techmarket.currency_required', {}, [{ path: 'currency', message: '' }]);
}

function checkOriginal(texts: ListingTexts, original: string | undefined) {
  if (original && !texts[original as keyof ListingTexts]) {
    throw new AppError(422, 'techmarket.original_not_written', { language: original }, [{ path: 'original', message: '' }]);
  }
}

/** The columns a new listing's input gives (owner facts are added from the registry). */
export function valuesOfInput(input: Written) {
  checkSector(input.sector);
  checkBudget(input.budget, input.currency);
  checkOriginal(input.texts, input.original);
  const texts = input.texts as ListingTexts;
  return {
    kind: input.kind,
    texts,
    languages: languagesOf(texts, input.original),
    sector: input.sector,
    keywords: dedupe(input.keywords),
    trl: input.trl ?? null,
    dealForms: dedupe(input.dealForms),
    ip: input.ip ? { type: input.ip.type, number: input.ip.number ?? null, status: input.ip.status } : null,
    budget: input.budget == null ? null : String(input.budget),
    currency: input.currency ?? null,
    deadline: input.deadline ?? null,
    ...indexColumns({ texts, keywords: input.keywords, sector: input.sector }),
  };
}

type Current = { texts: ListingTexts; languages: string[]; sector: string; keywords: string[]; budget: string | null; currency: string | null };

/** The columns a patch changes, checked against the listing as it is; terms are recomputed from the result. */
export function valuesOfPatch(current: Current, patch: Patch) {
  const texts = (patch.texts ?? current.texts) as ListingTexts;
  const sector = patch.sector ?? current.sector;
  const keywords = patch.keywords ? dedupe(patch.keywords) : current.keywords;
  if (patch.sector !== undefined) checkSector(sector);
  checkBudget(
    patch.budget !== undefined ? patch.budget : current.budget === null ? null : Number(current.budget),
    patch.currency !== undefined ? patch.currency : current.currency,
  );
  checkOriginal(texts, patch.original);
  return {
    ...(patch.texts ? { texts, languages: languagesOf(texts, patch.original ?? current.languages[0]) } : {}),
    ...(patch.original && !patch.texts ? { languages: languagesOf(texts, patch.original) } : {}),
    ...(patch.sector !== undefined ? { sector } : {}),
    ...(patch.keywords ? { keywords } : {}),
    ...(patch.trl !== undefined ? { trl: patch.trl } : {}),
    ...(patch.dealForms ? { dealForms: dedupe(patch.dealForms) } : {}),
    ...(patch.ip !== undefined ? { ip: patch.ip ? { type: patch.ip.type, number: patch.ip.number ?? null, status: patch.ip.status } : null } : {}),
    ...(patch.budget !== undefined ? { budget: patch.budget == null ? null : String(patch.budget) } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.deadline !== undefined ? { deadline: patch.deadline } : {}),
    ...indexColumns({ texts, keywords, sector }),
  };
}

function dedupe<T extends string>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
