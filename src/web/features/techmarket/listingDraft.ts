import type { Listing, ListingInput } from '../../../shared/contracts/techmarket';
import { DEAL_FORMS, LISTING_LANGUAGES } from '../../../shared/contracts/techmarket';
import { isListingLanguage, type ListingLanguage } from './text';

export type TextDraft = { title: string; summary: string; details: string };
export type OwnerRef = { type: 'enterprise' | 'institution'; id: string };

/** What the listing form holds while the owner types: every field as an input shows it. */
export type ListingDraft = {
  kind: 'offer' | 'need';
  /** The language the owner writes first (the original that readers of other languages are shown). */
  original: ListingLanguage;
  texts: Record<ListingLanguage, TextDraft>;
  owner: OwnerRef | null;
  sector: string | null;
  keywords: string[];
  trl: number | null;
  dealForms: ListingInput['dealForms'];
  ipType: NonNullable<ListingInput['ip']>['type'] | null;
  ipNumber: string;
  ipStatus: NonNullable<ListingInput['ip']>['status'] | null;
  budget: number | null;
  currency: ListingInput['currency'];
  deadline: string;
};

const blank = (): TextDraft => ({ title: '', summary: '', details: '' });

export function emptyDraft(kind: 'offer' | 'need' = 'offer', original: ListingLanguage = 'en'): ListingDraft {
  return {
    kind,
    original,
    texts: { en: blank(), zh: blank(), ur: blank() },
    owner: null,
    sector: null,
    keywords: [],
    trl: null,
    dealForms: [],
    ipType: null,
    ipNumber: '',
    ipStatus: null,
    budget: null,
    currency: null,
    deadline: '',
  };
}

/** A language counts as written once its title or summary has a character (details alone are not enough). */
export const isWritten = (t: TextDraft) => t.title.trim() !== '' || t.summary.trim() !== '';

export function writtenIn(d: ListingDraft): ListingLanguage[] {
  return LISTING_LANGUAGES.filter((l) => isWritten(d.texts[l]));
}

/** The texts as the API takes them: only the languages written, details only when there are some. */
function textsOf(d: ListingDraft): ListingInput['texts'] {
  const out: ListingInput['texts'] = {};
  for (const l of writtenIn(d)) {
    const t = d.texts[l];
    out[l] = { title: t.title.trim(), summary: t.summary.trim(), ...(t.details.trim() ? { details: t.details.trim() } : {}) };
  }
  return out;
}

/**
 * The body of a create (ListingInput). Needs carry budget and deadline, offers the IP; what belongs to the
 * other kind is sent as null, so switching the kind while typing leaves nothing behind.
 */
export function toListingInput(d: ListingDraft): ListingInput {
  const offer = d.kind === 'offer';
  const written = writtenIn(d);
  return {
    kind: d.kind,
    texts: textsOf(d),
    ...(written.length ? { original: written.includes(d.original) ? d.original : written[0] } : {}),
    ownerType: d.owner?.type ?? 'enterprise',
    ownerId: d.owner?.id ?? '',
    sector: d.sector ?? '',
    keywords: [...new Set(d.keywords.map((k) => k.trim()).filter(Boolean))],
    trl: d.trl,
    dealForms: d.dealForms,
    ip: offer && d.ipType ? { type: d.ipType, number: d.ipNumber.trim() || null, status: d.ipStatus ?? 'none' } : null,
    budget: offer ? null : d.budget,
    currency: offer || d.budget === null ? null : (d.currency ?? null),
    deadline: offer ? null : d.deadline || null,
  };
}

/** The body of an update (ListingPatch): the same fields less kind and owner, with the version read. */
export function toListingPatch(d: ListingDraft, version: number) {
  const { kind: _k, ownerType: _t, ownerId: _o, ...rest } = toListingInput(d);
  return { ...rest, version };
}

/** The form's fields filled from a listing the owner reopens (details come apart from the texts). */
export function fromListing(l: Listing): ListingDraft {
  const d = emptyDraft(l.kind, l.languages.find(isListingLanguage) ?? 'en');
  for (const lang of LISTING_LANGUAGES) {
    const t = l.texts[lang];
    if (t) d.texts[lang] = { title: t.title, summary: t.summary, details: l.details?.[lang] ?? '' };
  }
  return {
    ...d,
    owner: { type: l.owner.type, id: l.owner.id },
    sector: l.sector,
    keywords: l.keywords,
    trl: l.trl,
    dealForms: l.dealForms.filter((f): f is ListingDraft['dealForms'][number] => (DEAL_FORMS as readonly string[]).includes(f)),
    ipType: (l.ip?.type as ListingDraft['ipType']) ?? null,
    ipNumber: l.ip?.number ?? '',
    ipStatus: (l.ip?.status as ListingDraft['ipStatus']) ?? null,
    budget: l.budget,
    currency: (l.currency as ListingDraft['currency']) ?? null,
    deadline: l.deadline ?? '',
  };
}
