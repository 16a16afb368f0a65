import type { Language } from '../../../shared/roles';
import type { AgreementBody, DelegationBody, OpportunityBody } from './queries';
import { scriptOfName, texts3 } from './text';

/** An organisation picked from the registry (its name and country follow), or typed with its country. */
export type OrgDraft = { entityType: 'enterprise' | 'institution' | null; entityId: string | null; name: string; country: string };
export const blankOrg = (country = ''): OrgDraft => ({ entityType: null, entityId: null, name: '', country });

/** The API's organisation reference: the registry's record when picked, else the typed name and country. */
export function orgRef(o: OrgDraft): { entityType: 'enterprise' | 'institution'; entityId: string } | { name: string; country: string } | null {
  if (o.entityType && o.entityId) return { entityType: o.entityType, entityId: o.entityId };
  const name = o.name.trim();
  return name ? { name, country: o.country.trim().toUpperCase() } : null;
}

export type Texts3 = Record<Language, string>;
export const blankTexts = (): Texts3 => ({ en: '', zh: '', ur: '' });

/** `owner`: the account that follows it up and gets its reminders (its name kept for the form). */
export type CommitmentDraft = { deliverable: string; owedBy: number; dueOn: string; owner: { id: string; displayName: string } | null };
export type PartyDraft = { org: OrgDraft; signatory: string };

export type AgreementDraft = {
  type: AgreementBody['type'];
  title: Texts3;
  summary: Texts3;
  parties: PartyDraft[];
  signedOn: string;
  signedPlace: string;
  signedVirtually: boolean;
  areas: string[];
  stage: NonNullable<AgreementBody['stage']>;
  ways: NonNullable<AgreementBody['ways']>;
  validFrom: string;
  validUntil: string;
  renewal: NonNullable<AgreementBody['renewal']>;
  internalNotes: string;
  commitments: CommitmentDraft[];
  publish: boolean;
};

export const blankCommitment = (owedBy = 0): CommitmentDraft => ({ deliverable: '', owedBy, dueOn: '', owner: null });

export function emptyAgreement(): AgreementDraft {
  return {
    type: 'mou',
    title: blankTexts(),
    summary: blankTexts(),
    parties: [
      { org: blankOrg('PK'), signatory: '' },
      { org: blankOrg('CN'), signatory: '' },
    ],
    signedOn: '',
    signedPlace: '',
    signedVirtually: false,
    areas: [],
    stage: 'planning',
    ways: [],
    validFrom: '',
    validUntil: '',
    renewal: 'by_agreement',
    internalNotes: '',
    commitments: [],
    publish: true,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/**
 * A deliverable typed in one field, kept in the language of its script (Chinese characters → zh, Urdu → ur,
 * else en): the reader writes as the agreement was written, nothing is translated.
 */
export function textInItsLanguage(text: string): Partial<Record<Language, string>> {
  const t = text.trim();
  return t ? { [scriptOfName(t)]: t } : {};
}

/** The form's draft as the API's AgreementInput: empty rows and fields left out, the API checks the rest. */
export function toAgreementInput(d: AgreementDraft): AgreementBody {
  const parties = d.parties.map((p) => ({ org: orgRef(p.org), signatory: orNull(p.signatory) }));
  // Commitments name their party by its index in the list sent; parties left empty are dropped, so renumber.
  const kept: number[] = [];
  parties.forEach((p, i) => {
    if (p.org) kept.push(i);
  });
  return {
    type: d.type,
    title: texts3(d.title),
    summary: texts3(d.summary),
    parties: parties.filter((p) => p.org).map((p) => ({ org: p.org as NonNullable<typeof p.org>, signatory: p.signatory })),
    signedOn: orNull(d.signedOn),
    signedPlace: d.signedVirtually ? null : orNull(d.signedPlace),
    signedVirtually: d.signedVirtually,
    areas: d.areas,
    stage: d.stage,
    ways: d.ways,
    validFrom: orNull(d.validFrom),
    validUntil: orNull(d.validUntil),
    renewal: d.renewal,
    internalNotes: orNull(d.internalNotes),
    commitments: d.commitments
      .filter((c) => c.deliverable.trim() || c.dueOn)
      .map((c) => ({
        deliverable: textInItsLanguage(c.deliverable),
        owedBy: Math.max(0, kept.indexOf(c.owedBy)),
        dueOn: c.dueOn,
        ownerUserId: c.owner?.id ?? null,
      })),
    publish: d.publish,
  };
}

export type MemberDraft = { personId: string | null; name: string; side: 'guest' | 'host'; role: 'head' | 'member' | 'interpreter' | 'host' };
export type MeetingDraft = { title: string; with: string[] };
export type StopDraft = { day: string; city: string; visited: OrgDraft[]; meetings: MeetingDraft[] };

export type DelegationDraft = {
  title: Texts3;
  purpose: Texts3;
  guestCountry: string;
  hostCountry: string;
  guest: OrgDraft;
  host: OrgDraft;
  agreementId: string | null;
  startsOn: string;
  endsOn: string;
  members: MemberDraft[];
  itinerary: StopDraft[];
  internalNotes: string;
  publish: boolean;
};

export const blankMember = (side: 'guest' | 'host' = 'guest'): MemberDraft => ({ personId: null, name: '', side, role: side === 'host' ? 'host' : 'member' });
export const blankStop = (day = ''): StopDraft => ({ day, city: '', visited: [], meetings: [] });

export function emptyDelegation(): DelegationDraft {
  return {
    title: blankTexts(),
    purpose: blankTexts(),
    guestCountry: 'PK',
    hostCountry: 'CN',
    guest: blankOrg('PK'),
    host: blankOrg('CN'),
    agreementId: null,
    startsOn: '',
    endsOn: '',
    members: [blankMember('guest')],
    itinerary: [blankStop()],
    internalNotes: '',
    publish: true,
  };
}

/** The day after a YYYY-MM-DD (UTC): the next itinerary day proposed. */
export function nextDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? '' : new Date(t + 86_400_000).toISOString().slice(0, 10);
}

export function toDelegationInput(d: DelegationDraft): DelegationBody {
  return {
    title: texts3(d.title),
    purpose: texts3(d.purpose),
    guestCountry: d.guestCountry,
    hostCountry: d.hostCountry,
    guest: orgRef(d.guest),
    host: orgRef(d.host),
    agreementId: d.agreementId,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    members: d.members
      .filter((m) => m.personId || m.name.trim())
      .map((m) => (m.personId ? { personId: m.personId, side: m.side, role: m.role } : { name: m.name.trim(), side: m.side, role: m.role })),
    itinerary: d.itinerary
      .filter((s) => s.city.trim() || s.day)
      .map((s) => ({
        day: s.day,
        city: s.city.trim(),
        visited: s.visited.map(orgRef).filter((o): o is NonNullable<typeof o> => o !== null),
        meetings: s.meetings.filter((m) => m.title.trim()).map((m) => ({ title: m.title.trim(), with: m.with.map((w) => w.trim()).filter(Boolean) })),
      })),
    internalNotes: orNull(d.internalNotes),
    publish: d.publish,
  };
}

export type OfferDraft = {
  kind: OpportunityBody['kind'];
  title: string;
  description: string;
  offeredBy: OrgDraft;
  forCountry: string | null;
  city: string;
  places: number | null;
  placesPerYear: number | null;
  deadline: string;
  eligibility: string;
};

export const emptyOffer = (offeredBy: OrgDraft = blankOrg('CN'), forCountry: string | null = 'PK'): OfferDraft => ({
  kind: 'internship',
  title: '',
  description: '',
  offeredBy,
  forCountry,
  city: '',
  places: null,
  placesPerYear: null,
  deadline: '',
  eligibility: '',
});

export function toOpportunityInput(d: OfferDraft, links: { delegationId?: string | null; agreementId?: string | null } = {}): OpportunityBody {
  const offeredBy = orgRef(d.offeredBy);
  return {
    kind: d.kind,
    title: textInItsLanguage(d.title),
    description: textInItsLanguage(d.description),
    offeredBy: offeredBy ?? { name: '', country: d.offeredBy.country },
    forCountry: d.forCountry,
    city: orNull(d.city),
    places: d.places,
    placesPerYear: d.kind === 'scholarship' ? d.placesPerYear : null,
    deadline: orNull(d.deadline),
    eligibility: textInItsLanguage(d.eligibility),
    delegationId: links.delegationId ?? null,
    agreementId: links.agreementId ?? null,
    open: true,
  };
}
