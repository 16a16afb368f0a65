import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { INCUBATOR_KINDS, INSTITUTION_KINDS, INVESTOR_KINDS, PERSON_ROLES, SECTORS, ZONE_KINDS } from '../../../../shared/contracts/registry';
import { repoRoot } from '../../../paths';

/**
 * The reference data set of the registry (PRODUCT.md, "The reference data set"): the zones, incubators,
 * institutions, enterprises, people, investors and governance links the seeds in `data/seeds/` name,
 * as JSON files in `data/reference/`. Every record cites its seed (`seeds/NNN_xxx.txt#locator`), and
 * every fact quotes the seed it comes from. Keys are stable slugs with a type prefix.
 */

export const REFERENCE_DIR = path.join(repoRoot, 'data', 'reference');
export const SEEDS_DIR = path.join(repoRoot, 'data', 'seeds');

/** Sources that are not seeds: standards for codes, and coordinates of city centres. */
export const NON_SEED_SOURCES = ['GB/T 2260', 'ISO 3166', 'geographic coordinates of the city centre'] as const;

// The kinds are the registry's own vocabularies (src/shared/contracts/registry.ts), one source for both.
export const REFERENCE_ZONE_KINDS = ZONE_KINDS;
export const REFERENCE_INSTITUTION_KINDS = INSTITUTION_KINDS;
export const REFERENCE_INVESTOR_KINDS = INVESTOR_KINDS;

export const KEY_PREFIXES = {
  zone: 'zone:',
  incubator: 'inc:',
  institution: 'inst:',
  enterprise: 'ent:',
  person: 'person:',
  investor: 'inv:',
} as const;
export type ReferenceEntityType = keyof typeof KEY_PREFIXES;

const SEED_PATH = /^seeds\/\d{3}_[0-9a-f]{16}\.txt$/;
const SEED_SOURCE = /^seeds\/\d{3}_[0-9a-f]{16}\.txt(#.+)?$/;
const SEED_SOURCE_WITH_LOCATOR = /^seeds\/\d{3}_[0-9a-f]{16}\.txt#.+$/;

/** `seeds/NNN_xxx.txt` with an optional `#locator`, or one of the non-seed sources. */
export const Source = z.union([z.string().regex(SEED_SOURCE, 'seeds/NNN_xxxxxxxxxxxxxxxx.txt[#locator]'), z.enum(NON_SEED_SOURCES)]);
/** A record's main source: a seed file and a locator (a section title or a phrase quoted from it). */
export const RecordSource = z.string().regex(SEED_SOURCE_WITH_LOCATOR, 'seeds/NNN_xxxxxxxxxxxxxxxx.txt#locator');

/** Splits a source into the seed file and the locator; `file` is null for the non-seed sources. */
export function parseSource(source: string): { file: string | null; locator: string | null } {
  const hash = source.indexOf('#');
  const file = hash < 0 ? source : source.slice(0, hash);
  if (!SEED_PATH.test(file)) return { file: null, locator: null };
  return { file, locator: hash < 0 ? null : source.slice(hash + 1) };
}

export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code');

export const Names = z.strictObject({
  en: z.string().trim().min(1).max(300),
  zh: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/\p{Script=Han}/u, 'Chinese name must contain Chinese characters')
    .optional(),
  ur: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/\p{Script=Arabic}/u, 'Urdu name must be in Urdu script')
    .optional(),
});
export type Names = z.infer<typeof Names>;

/** A fact as the seed states it: `text` is quoted from `source`; `field`/`value` make it machine-readable. */
export const Fact = z.strictObject({
  field: z.string().min(1).optional(),
  value: z.union([z.string(), z.number()]).optional(),
  text: z.string().min(1),
  source: Source,
});
export type Fact = z.infer<typeof Fact>;

const keyOf = (type: ReferenceEntityType) =>
  z.string().regex(new RegExp(`^${KEY_PREFIXES[type]}[a-z0-9]+(-[a-z0-9]+)*$`), `a slug starting with ${KEY_PREFIXES[type]}`);
const AnyOrgKey = z.string().regex(/^(zone|inc|inst|ent|inv):[a-z0-9]+(-[a-z0-9]+)*$/, 'the key of a zone, incubator, institution, enterprise or investor');

const common = {
  names: Names,
  nativeName: z.string().trim().min(1).max(300).optional(),
  abbreviation: z.string().trim().min(1).max(40).optional(),
  country: CountryCode,
  province: z.string().min(1).max(20).optional(),
  city: z.string().min(1).max(20).optional(),
  website: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'http(s) URL')
    .optional(),
  description: z.strictObject({ en: z.string().trim().min(1).max(1000) }).optional(),
  facts: z.array(Fact).optional(),
  source: RecordSource,
};

// ── geography.json ────────────────────────────────────────────────────────────
export const Country = z.strictObject({
  code: CountryCode,
  names: Names,
  /** How this country's division codes are built. */
  codeScheme: z.string().optional(),
  source: Source,
});
export const Division = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  country: CountryCode,
  level: z.enum(['province', 'city']),
  parent: z.string().nullable(),
  names: Names,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  /** Where the code comes from (GB/T 2260, ISO 3166, or the seed naming a city whose code is Seedbed's own). */
  source: Source,
  coordinatesSource: Source.optional(),
  codeScheme: z.string().optional(),
});
export const GeographyFile = z.strictObject({ countries: z.array(Country).min(1), divisions: z.array(Division).min(1) });
export type GeographyFile = z.infer<typeof GeographyFile>;

// ── institutions.json ─────────────────────────────────────────────────────────
export const Institution = z.strictObject({
  key: keyOf('institution'),
  ...common,
  kind: z.enum(REFERENCE_INSTITUTION_KINDS),
  /** The institution this one belongs to (an ORIC's university, an institute's academy). */
  parentKey: keyOf('institution').optional(),
});
export const InstitutionsFile = z.array(Institution);
export type Institution = z.infer<typeof Institution>;

// ── zones.json ────────────────────────────────────────────────────────────────
export const Zone = z.strictObject({
  key: keyOf('zone'),
  ...common,
  kind: z.enum(REFERENCE_ZONE_KINDS),
  parentKey: keyOf('zone').optional(),
  governingBodyKey: keyOf('institution').optional(),
  approvalDate: PartialDate.optional(),
  approvedBy: z.string().min(1).max(200).optional(),
  areaKm2: z.number().positive().optional(),
  focusIndustries: z.array(z.string().min(1).max(100)).optional(),
  companyCount: z.number().int().min(0).optional(),
  memberParkCount: z.number().int().min(0).optional(),
  /** Number in the appendix "54 National STIPs" of seeds/001. */
  appendixNo: z.number().int().min(1).max(54).optional(),
});
export const ZonesFile = z.array(Zone);
export type Zone = z.infer<typeof Zone>;

// ── incubators.json ───────────────────────────────────────────────────────────
export const Incubator = z.strictObject({
  key: keyOf('incubator'),
  ...common,
  kind: z.enum(INCUBATOR_KINDS),
  level: z.enum(['national', 'provincial']).optional(),
  ownership: z.enum(['state', 'private', 'university']).optional(),
  hostZoneKey: keyOf('zone').optional(),
  foundedOn: PartialDate.optional(),
  spaceM2: z.number().positive().optional(),
  certifications: z.array(z.strictObject({ name: z.string().min(1).max(200), year: z.number().int().min(1900).max(2100) })).optional(),
});
export const IncubatorsFile = z.array(Incubator);
export type Incubator = z.infer<typeof Incubator>;

// ── enterprises.json ──────────────────────────────────────────────────────────
export const Enterprise = z.strictObject({
  key: keyOf('enterprise'),
  ...common,
  sector: z.enum(SECTORS).optional(),
  hostZoneKey: keyOf('zone').optional(),
  /** Lifecycle facts only where a seed states them; `source` is that seed. */
  stageFacts: z
    .strictObject({
      listed: z.boolean().optional(),
      unicorn: z.boolean().optional(),
      source: Source,
    })
    .optional(),
});
export const EnterprisesFile = z.array(Enterprise);
export type Enterprise = z.infer<typeof Enterprise>;

// ── people.json ───────────────────────────────────────────────────────────────
export const Person = z.strictObject({
  key: keyOf('person'),
  names: Names,
  /** Dr., Prof., Ms., Engr. … as the seed gives it. */
  title: z.string().min(1).max(60).optional(),
  /** The public role as the seed gives it. No contact details, nothing private. */
  publicRole: z.string().min(1).max(300),
  affiliations: z.array(z.strictObject({ orgKey: AnyOrgKey, position: z.string().min(1).max(200) })),
  roles: z.array(z.enum(PERSON_ROLES)),
  facts: z.array(Fact).optional(),
  source: RecordSource,
});
export const PeopleFile = z.array(Person);
export type Person = z.infer<typeof Person>;

// ── investors.json ────────────────────────────────────────────────────────────
export const Investor = z.strictObject({ key: keyOf('investor'), ...common, kind: z.enum(REFERENCE_INVESTOR_KINDS) });
export const InvestorsFile = z.array(Investor);
export type Investor = z.infer<typeof Investor>;

// ── governance.json ───────────────────────────────────────────────────────────
export const GovernanceLink = z.strictObject({
  parentKey: AnyOrgKey,
  childKey: AnyOrgKey,
  relation: z.enum(['oversees', 'hosts', 'member_of']),
  source: RecordSource,
});
export const GovernanceFile = z.array(GovernanceLink);
export type GovernanceLink = z.infer<typeof GovernanceLink>;

export const REFERENCE_FILES = {
  geography: { file: 'geography.json', schema: GeographyFile },
  institutions: { file: 'institutions.json', schema: InstitutionsFile },
  zones: { file: 'zones.json', schema: ZonesFile },
  incubators: { file: 'incubators.json', schema: IncubatorsFile },
  enterprises: { file: 'enterprises.json', schema: EnterprisesFile },
  people: { file: 'people.json', schema: PeopleFile },
  investors: { file: 'investors.json', schema: InvestorsFile },
  governance: { file: 'governance.json', schema: GovernanceFile },
} as const;

export type ReferenceData = {
  geography: GeographyFile;
  institutions: Institution[];
  zones: Zone[];
  incubators: Incubator[];
  enterprises: Enterprise[];
  people: Person[];
  investors: Investor[];
  governance: GovernanceLink[];
};

/** Thrown by `loadReferenceData` with every problem found, one per line. */
export class ReferenceDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`reference data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

/** Every keyed record of the set, with its type. */
export function allRecords(data: ReferenceData): { type: ReferenceEntityType; file: string; record: { key: string } & Record<string, unknown> }[] {
  return [
    ...data.institutions.map((record) => ({ type: 'institution' as const, file: 'institutions.json', record })),
    ...data.zones.map((record) => ({ type: 'zone' as const, file: 'zones.json', record })),
    ...data.incubators.map((record) => ({ type: 'incubator' as const, file: 'incubators.json', record })),
    ...data.enterprises.map((record) => ({ type: 'enterprise' as const, file: 'enterprises.json', record })),
    ...data.people.map((record) => ({ type: 'person' as const, file: 'people.json', record })),
    ...data.investors.map((record) => ({ type: 'investor' as const, file: 'investors.json', record })),
  ];
}

/** Cross-reference checks over a parsed set: unique keys, every `*Key` resolving to the right type, places that exist. */
export function checkReferences(data: ReferenceData): string[] {
  const problems: string[] = [];
  const typeOfKey = new Map<string, ReferenceEntityType>();
  for (const { type, file, record } of allRecords(data)) {
    if (typeOfKey.has(record.key)) problems.push(`${file}: duplicate key ${record.key}`);
    else typeOfKey.set(record.key, type);
  }

  const { countries, divisions } = data.geography;
  const countryCodes = new Set<string>();
  for (const c of countries) {
    if (countryCodes.has(c.code)) problems.push(`geography.json: duplicate country ${c.code}`);
    countryCodes.add(c.code);
  }
  const divisionByCode = new Map<string, (typeof divisions)[number]>();
  for (const d of divisions) {
    if (divisionByCode.has(d.code)) problems.push(`geography.json: duplicate division ${d.code}`);
    divisionByCode.set(d.code, d);
  }
  for (const d of divisions) {
    if (!countryCodes.has(d.country)) problems.push(`geography.json: division ${d.code} has unknown country ${d.country}`);
    if ((d.lat === undefined) !== (d.lon === undefined)) problems.push(`geography.json: division ${d.code} has only one of lat/lon`);
    if (d.lat !== undefined && !d.coordinatesSource) problems.push(`geography.json: division ${d.code} has coordinates without coordinatesSource`);
    if (d.parent === null) continue;
    const parent = divisionByCode.get(d.parent);
    if (!parent) problems.push(`geography.json: division ${d.code} has unknown parent ${d.parent}`);
    else if (parent.level !== 'province' || parent.country !== d.country)
      problems.push(`geography.json: division ${d.code}'s parent ${d.parent} is not a province of ${d.country}`);
  }

  const expect = (file: string, owner: string, field: string, key: string | undefined, types: ReferenceEntityType[]) => {
    if (key === undefined) return;
    const actual = typeOfKey.get(key);
    if (!actual) problems.push(`${file}: ${owner}.${field} → ${key} does not exist`);
    else if (!types.includes(actual)) problems.push(`${file}: ${owner}.${field} → ${key} is of type ${actual}, expected ${types.join(' or ')}`);
  };
  const orgTypes: ReferenceEntityType[] = ['zone', 'incubator', 'institution', 'enterprise', 'investor'];

  const checkPlace = (file: string, r: { key: string; country: string; province?: string; city?: string }) => {
    if (!countryCodes.has(r.country)) problems.push(`${file}: ${r.key}.country ${r.country} is not in geography.json`);
    if (r.province !== undefined) {
      const p = divisionByCode.get(r.province);
      if (!p) problems.push(`${file}: ${r.key}.province ${r.province} is not in geography.json`);
      else if (p.level !== 'province' || p.country !== r.country) problems.push(`${file}: ${r.key}.province ${r.province} is not a province of ${r.country}`);
    }
    if (r.city !== undefined) {
      const c = divisionByCode.get(r.city);
      if (!c) problems.push(`${file}: ${r.key}.city ${r.city} is not in geography.json`);
      else if (c.level !== 'city' || c.country !== r.country) problems.push(`${file}: ${r.key}.city ${r.city} is not a city of ${r.country}`);
      else if (r.province !== undefined && c.parent !== r.province) problems.push(`${file}: ${r.key}.city ${r.city} is not in province ${r.province}`);
    }
  };

  for (const r of data.institutions) {
    checkPlace('institutions.json', r);
    expect('institutions.json', r.key, 'parentKey', r.parentKey, ['institution']);
  }
  for (const r of data.zones) {
    checkPlace('zones.json', r);
    expect('zones.json', r.key, 'parentKey', r.parentKey, ['zone']);
    expect('zones.json', r.key, 'governingBodyKey', r.governingBodyKey, ['institution']);
  }
  for (const r of data.incubators) {
    checkPlace('incubators.json', r);
    expect('incubators.json', r.key, 'hostZoneKey', r.hostZoneKey, ['zone']);
  }
  for (const r of data.enterprises) {
    checkPlace('enterprises.json', r);
    expect('enterprises.json', r.key, 'hostZoneKey', r.hostZoneKey, ['zone']);
  }
  for (const r of data.investors) checkPlace('investors.json', r);
  for (const r of data.people) {
    for (const [i, a] of r.affiliations.entries()) expect('people.json', r.key, `affiliations[${i}].orgKey`, a.orgKey, orgTypes);
  }

  const seenLinks = new Set<string>();
  for (const [i, g] of data.governance.entries()) {
    expect('governance.json', `[${i}]`, 'parentKey', g.parentKey, orgTypes);
    expect('governance.json', `[${i}]`, 'childKey', g.childKey, orgTypes);
    if (g.parentKey === g.childKey) problems.push(`governance.json: [${i}] links ${g.parentKey} to itself`);
    const id = `${g.parentKey} ${g.relation} ${g.childKey}`;
    if (seenLinks.has(id)) problems.push(`governance.json: duplicate link ${id}`);
    seenLinks.add(id);
  }

  // parentKey chains must end (no cycles).
  for (const list of [data.institutions, data.zones] as { key: string; parentKey?: string }[][]) {
    const parentOf = new Map(list.map((r) => [r.key, r.parentKey]));
    for (const r of list) {
      const seen = new Set<string>([r.key]);
      for (let k = parentOf.get(r.key); k !== undefined; k = parentOf.get(k)) {
        if (seen.has(k)) {
          problems.push(`parentKey cycle through ${r.key}`);
          break;
        }
        seen.add(k);
      }
    }
  }
  return problems;
}

/**
 * Reads and parses every file of the reference data set and checks its cross-references.
 * Throws a `ReferenceDataError` listing every problem (schema issues of all files, then references).
 */
export function loadReferenceData(dir: string = REFERENCE_DIR): ReferenceData {
  const problems: string[] = [];
  const parsed: Partial<Record<keyof typeof REFERENCE_FILES, unknown>> = {};
  for (const [name, { file, schema }] of Object.entries(REFERENCE_FILES) as [
    keyof typeof REFERENCE_FILES,
    (typeof REFERENCE_FILES)[keyof typeof REFERENCE_FILES],
  ][]) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${file}: ${describePath(json, issue.path)}: ${issue.message}`);
      continue;
    }
    parsed[name] = result.data;
  }
  if (problems.length) throw new ReferenceDataError(problems);
  const data = parsed as ReferenceData;
  const refProblems = checkReferences(data);
  if (refProblems.length) throw new ReferenceDataError(refProblems);
  return data;
}

/** `[12].facts[0].text (zone:jinan)`: the issue's path, with the key of the record it is in. */
function describePath(json: unknown, issuePath: PropertyKey[]): string {
  const where = issuePath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') || '(root)';
  const first = issuePath[0];
  if (Array.isArray(json) && typeof first === 'number') {
    const key = (json[first] as { key?: unknown } | undefined)?.key;
    if (typeof key === 'string') return `${where} (${key})`;
  }
  return where;
}
