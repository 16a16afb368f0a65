import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  AGREEMENT_STAGES,
  AGREEMENT_TYPES,
  COOPERATION_WAYS,
  MEMBER_ROLES,
  MEMBER_SIDES,
  OPPORTUNITY_KINDS,
  RENEWALS,
} from '../../../../shared/contracts/cooperation';
import { repoRoot } from '../../../paths';

/**
 * The cooperation reference records (data/reference/cooperation/*.json), built from the seeds: every record has a
 * stable `key` and a `source` "seeds/<file>#<words that occur in the file>". Organisations and people are keys of
 * the registry's reference data (inst:…, zone:…, inc:…, ent:…, inv:…, person:…).
 */
export const COOPERATION_REFERENCE_DIR = path.join(repoRoot, 'data', 'reference', 'cooperation');

const Source = z.string().regex(/^seeds\/\d{3}_[0-9a-f]{16}\.txt#.+$/, 'seeds/<file>#<a quote from it>');
const Key = (prefix: string) => z.string().regex(new RegExp(`^${prefix}:[a-z0-9-]+$`));
const RegistryKey = z.string().regex(/^(inst|zone|inc|ent|inv):[a-z0-9-]+$/);
const PersonKey = z.string().regex(/^person:[a-z0-9-]+$/);
const Texts3 = z.strictObject({ en: z.string().min(1), zh: z.string().min(1), ur: z.string().min(1) });
const Day = z.iso.date();

export const AgreementRecord = z.strictObject({
  key: Key('agr'),
  type: z.enum(AGREEMENT_TYPES),
  title: Texts3,
  summary: Texts3,
  parties: z.array(z.strictObject({ org: RegistryKey, signatory: z.string().nullable(), source: Source })).min(2),
  signedOn: Day.nullable(),
  signedYear: z.number().int().nullable().optional(),
  signedPlace: z.string().nullable(),
  signedVirtually: z.boolean(),
  areas: z.array(z.string()),
  stage: z.enum(AGREEMENT_STAGES),
  ways: z.array(z.enum(COOPERATION_WAYS)),
  renewal: z.enum(RENEWALS),
  commitments: z.array(z.strictObject({ deliverable: Texts3, owedBy: z.number().int().min(0), dueOn: Day, source: Source })),
  remark: z.string().optional(),
  source: Source,
});
export const StopRecord = z.strictObject({
  day: Day,
  city: z.string().min(1),
  cityCode: z.string().nullable(),
  visited: z.array(RegistryKey),
  meetings: z.array(z.strictObject({ title: z.string().min(1), with: z.array(z.string().min(1)), notes: z.string().nullable().optional() })),
  notes: z.string().nullable(),
  source: Source,
});
export const DelegationRecord = z.strictObject({
  key: Key('del'),
  title: Texts3,
  purpose: Texts3,
  hostCountry: z.string().length(2),
  guestCountry: z.string().length(2),
  host: RegistryKey.nullable(),
  guest: RegistryKey.nullable(),
  startsOn: Day,
  endsOn: Day,
  remark: z.string().optional(),
  source: Source,
  members: z.array(z.strictObject({ person: PersonKey, side: z.enum(MEMBER_SIDES), role: z.enum(MEMBER_ROLES), organisation: RegistryKey.nullable() })),
  membersSource: Source,
  itinerary: z.array(StopRecord),
});
export const FocalRecord = z.strictObject({
  key: Key('focal'),
  country: z.string().length(2),
  organisation: RegistryKey,
  topic: Texts3,
  /** null: an open slot (promised, nobody appointed yet). */
  person: PersonKey.nullable(),
  delegation: Key('del').nullable(),
  promisedOn: Day.nullable(),
  appointedOn: Day.nullable(),
  source: Source,
});
export const OpportunityRecord = z.strictObject({
  key: Key('opp'),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: Texts3,
  description: Texts3,
  offeredBy: RegistryKey,
  forCountry: z.string().length(2).nullable(),
  city: z.string().nullable(),
  places: z.number().int().positive().nullable().optional(),
  placesPerYear: z.number().int().positive().nullable().optional(),
  eligibility: Texts3,
  delegation: Key('del').nullable(),
  source: Source,
});
export const FollowUpRecord = z.strictObject({
  key: Key('fu'),
  delegation: Key('del'),
  action: Texts3,
  country: z.string().length(2).nullable(),
  ownerName: z.string().nullable(),
  dueOn: Day.nullable(),
  source: Source,
});

const Files = {
  agreements: z.strictObject({ about: z.string(), agreements: z.array(AgreementRecord) }),
  delegations: z.strictObject({ about: z.string(), delegations: z.array(DelegationRecord) }),
  'focal-persons': z.strictObject({ about: z.string(), focalPersons: z.array(FocalRecord) }),
  opportunities: z.strictObject({ about: z.string(), opportunities: z.array(OpportunityRecord) }),
  'follow-ups': z.strictObject({ about: z.string(), followUps: z.array(FollowUpRecord) }),
};

export type CooperationReference = {
  agreements: z.infer<typeof AgreementRecord>[];
  delegations: z.infer<typeof DelegationRecord>[];
  focalPersons: z.infer<typeof FocalRecord>[];
  opportunities: z.infer<typeof OpportunityRecord>[];
  followUps: z.infer<typeof FollowUpRecord>[];
};

function read<K extends keyof typeof Files>(name: K): z.infer<(typeof Files)[K]> | null {
  let text: string;
  try {
    text = readFileSync(path.join(COOPERATION_REFERENCE_DIR, `${name}.json`), 'utf8');
  } catch {
    return null;
  }
  const parsed = Files[name].safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`data/reference/cooperation/${name}.json: ${z.prettifyError(parsed.error)}`);
  return parsed.data as z.infer<(typeof Files)[K]>;
}

/** The records of the files there are (follow-ups.json may be absent), validated. */
export function readCooperationReference(): CooperationReference {
  return {
    agreements: read('agreements')?.agreements ?? [],
    delegations: read('delegations')?.delegations ?? [],
    focalPersons: read('focal-persons')?.focalPersons ?? [],
    opportunities: read('opportunities')?.opportunities ?? [],
    followUps: read('follow-ups')?.followUps ?? [],
  };
}
