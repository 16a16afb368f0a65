import type { SECTORS } from '../../../../shared/contracts/registry';
import type { Names } from '../../registry/registry.tables';
import { DEFAULT_GAZELLE_RULE, deriveStage, type GazelleRule, type StageVerdict } from '../../registry/stage';
import { enterpriseName, incubatorName, type Place } from './names';
import { clamp, cumulativeOf, demoId, lognormal, normal, pick, poisson, streamFor, uniform, weightedIndex } from './random';

/**
 * The demo's synthetic economy: enterprises and incubators of the registry's zones, and their annual returns.
 * Pure and deterministic: the same seed and sizes give the same numbers, ids included (each item draws from
 * its own stream, `streamFor(seed, kind, n)`). Nothing here is a real figure; the shape is taken from the
 * figures the seeds publish for China's national high-tech zones (NHZs) in seeds/002_d481d2e1475dd825.txt:
 *
 * - "20.91 Million Employees in National Hi-tech Zones in total, College Degree Employee in Hi-tech Zones
 *   accounted for 57.7%" → year-end employees lognormal with a mean of ~105 per enterprise (200,000
 *   enterprises ≈ 21 million employees), degree holders ≈ 58% of them;
 * - "In 2018, R&D input`s intensity (R&D/GDP) was 6.7%" → R&D ≈ 6.7% of value added overall (the catalogue's
 *   rd_intensity_va), i.e. ≈ 2% of operating revenue, since value added is ~28% of revenue here;
 * - "GDP 9.52 Trillion, Net Export 3.64 Trillion, Tax 1.73 Trillion" → exports ≈ 38% of value added (a third of
 *   the firms export), taxes ≈ 18% of value added;
 * - "18.1% Personnel engaged in scientific and technological activities" → S&T personnel ≈ 18% of employees;
 * - "Returned overseas students amounted to 109 thousand"; "Foreign employees numbered 55000" → returned
 *   scholars ≈ 0.52% and foreign employees ≈ 0.26% of employees;
 * - "19.41 Million Employee" (the earlier year beside 20.91 million) → employees grow ≈ 7% a year; revenue
 *   grows 10–15% a year, each firm at its own rate with yearly noise;
 * - "2125 Business Incubators" for 169 zones (line ~650) → one synthetic incubator per ~100 enterprises.
 * Values satisfy the survey's default validation rules (survey/default-rules.ts): R&D, exports and technical
 * income ≤ operating revenue; degree holders, S&T personnel and foreign employees ≤ employees; value added ≤
 * gross output; granted patents ≤ valid patents; S&T personnel reported wherever R&D is.
 */

export type Sector = (typeof SECTORS)[number];

/** The enterprise indicators the model produces (the catalogue's raw ones); values come in this order. */
export const ENTERPRISE_CODES = [
  'employees',
  'employees_degree',
  'st_personnel',
  'operating_revenue',
  'gross_output',
  'value_added',
  'net_profit',
  'taxes_paid',
  'exports',
  'rd_expenditure',
  'invention_patents_granted',
  'valid_invention_patents',
  'pct_applications',
  'technical_income',
  'returned_scholars',
  'foreign_employees',
] as const;
export const INCUBATOR_CODES = ['incubator_space_m2', 'tenants', 'graduates', 'tenant_jobs', 'investment_received'] as const;

const E = Object.fromEntries(ENTERPRISE_CODES.map((c, i) => [c, i])) as Record<(typeof ENTERPRISE_CODES)[number], number>;

export type ZoneSlot = { id: string; key: string; country: string; province: string | null; city: string | null; place: Place; weight: number };
export type IncubatorSlot = {
  id: string;
  key: string;
  names: Names;
  country: string;
  province: string | null;
  city: string | null;
  zoneId: string | null;
  foundedYear: number | null;
  synthetic: boolean;
};

export type World = {
  seed: number;
  firstYear: number;
  years: number;
  zones: ZoneSlot[];
  zoneCumulative: Float64Array;
  /** Incubators by the index of their host zone in `zones`. */
  incubatorsByZone: IncubatorSlot[][];
  gazelle: GazelleRule;
};

/** Stream kinds (and id kinds): one stream, and one id space, per kind of item. */
export const KIND = { enterprise: 1, enterpriseSubmission: 2, incubator: 3, incubatorSubmission: 4, zoneWeights: 5 } as const;

type SectorProfile = {
  weight: number;
  /** Median operating revenue per employee, CNY thousand. */
  revenuePerEmployee: number;
  /** Gross output ÷ operating revenue. */
  output: number;
  /** Value added ÷ gross output. */
  valueAdded: number;
  /** Median R&D ÷ value added. */
  rd: number;
  degree: number;
  st: number;
  /** Share of firms with technical income (technology contracts), and its share of their revenue. */
  techSellers: number;
  techShare: number;
};

/** The sector mix and its parameters (synthetic; tuned so that the totals land on the seed's shares above). */
const SECTOR_PROFILES: Record<Sector, SectorProfile> = {
  electronic_information: {
    weight: 34,
    revenuePerEmployee: 1300,
    output: 0.8,
    valueAdded: 0.32,
    rd: 0.068,
    degree: 0.7,
    st: 0.225,
    techSellers: 0.3,
    techShare: 0.12,
  },
  biomedicine: { weight: 10, revenuePerEmployee: 1100, output: 0.95, valueAdded: 0.36, rd: 0.08, degree: 0.62, st: 0.2, techSellers: 0.25, techShare: 0.08 },
  aerospace: { weight: 2, revenuePerEmployee: 1400, output: 0.97, valueAdded: 0.3, rd: 0.075, degree: 0.6, st: 0.22, techSellers: 0.2, techShare: 0.06 },
  new_materials: {
    weight: 10,
    revenuePerEmployee: 1700,
    output: 0.98,
    valueAdded: 0.24,
    rd: 0.042,
    degree: 0.44,
    st: 0.14,
    techSellers: 0.12,
    techShare: 0.04,
  },
  hightech_services: {
    weight: 12,
    revenuePerEmployee: 800,
    output: 0.45,
    valueAdded: 0.55,
    rd: 0.035,
    degree: 0.72,
    st: 0.17,
    techSellers: 0.7,
    techShare: 0.35,
  },
  new_energy: { weight: 7, revenuePerEmployee: 1900, output: 0.98, valueAdded: 0.25, rd: 0.048, degree: 0.48, st: 0.15, techSellers: 0.12, techShare: 0.04 },
  resources_environment: {
    weight: 5,
    revenuePerEmployee: 1200,
    output: 0.9,
    valueAdded: 0.3,
    rd: 0.045,
    degree: 0.5,
    st: 0.15,
    techSellers: 0.3,
    techShare: 0.1,
  },
  advanced_manufacturing: {
    weight: 20,
    revenuePerEmployee: 1500,
    output: 0.97,
    valueAdded: 0.26,
    rd: 0.055,
    degree: 0.42,
    st: 0.14,
    techSellers: 0.15,
    techShare: 0.05,
  },
};
const SECTOR_LIST = Object.keys(SECTOR_PROFILES) as Sector[];
const SECTOR_CUMULATIVE = cumulativeOf(SECTOR_LIST.map((s) => SECTOR_PROFILES[s].weight));

const round1 = (x: number) => Math.round(x * 10) / 10;
const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** Zone weights: a zone's company count where the registry has one (Zhongguancun ~22,000, from seeds/001), else a seeded spread around 3,000 (1,500 outside China). */
export function zoneWeight(seed: number, n: number, companyCount: number | null, country: string): number {
  if (companyCount && companyCount > 0) return companyCount;
  const rng = streamFor(seed, KIND.zoneWeights, n);
  return (country === 'CN' ? 3000 : 1500) * Math.exp(0.6 * normal(rng));
}

export function makeWorld(p: { seed: number; firstYear: number; years: number; zones: ZoneSlot[]; incubators: IncubatorSlot[]; gazelle?: GazelleRule }): World {
  const byId = new Map(p.zones.map((z, i) => [z.id, i]));
  const incubatorsByZone: IncubatorSlot[][] = p.zones.map(() => []);
  for (const inc of p.incubators) {
    const zi = inc.zoneId ? byId.get(inc.zoneId) : undefined;
    if (zi !== undefined) incubatorsByZone[zi].push(inc);
  }
  return {
    seed: p.seed,
    firstYear: p.firstYear,
    years: p.years,
    zones: p.zones,
    zoneCumulative: cumulativeOf(p.zones.map((z) => z.weight)),
    incubatorsByZone,
    gazelle: p.gazelle ?? DEFAULT_GAZELLE_RULE,
  };
}

/** Synthetic incubators spread over the zones by the same weights; founded before the first year mostly, a few during it. */
export function syntheticIncubators(world: World, count: number): IncubatorSlot[] {
  const out: IncubatorSlot[] = [];
  for (let j = 0; j < count; j++) {
    const rng = streamFor(world.seed, KIND.incubator, j);
    const zone = world.zones[weightedIndex(rng, world.zoneCumulative)];
    const foundedYear = rng() < 0.85 ? world.firstYear - 1 - Math.floor(rng() * 15) : world.firstYear + Math.floor(rng() * world.years);
    out.push({
      id: demoId(world.seed, KIND.incubator, j),
      key: `syn:demo:${world.seed}:incubator:${j}`,
      names: incubatorName(rng, zone.country, zone.place),
      country: zone.country,
      province: zone.province,
      city: zone.city,
      zoneId: zone.id,
      foundedYear,
      synthetic: true,
    });
  }
  return out;
}

export type Return = { year: number; stage: string | null; employees: number | null; values: Float64Array };

export type EnterpriseSim = {
  id: string;
  key: string;
  names: Names;
  country: string;
  province: string | null;
  city: string | null;
  zoneId: string;
  incubatorId: string | null;
  sector: Sector;
  foundedOn: string;
  employees: number;
  technicalStaff: number;
  tenancyStatus: 'tenant' | 'graduated' | null;
  certifiedHighTechOn: string | null;
  listed: boolean;
  revenueHistory: { year: number; revenue: number }[];
  stage: StageVerdict;
  returns: Return[];
};

/** Enterprise `i` of the demo, with one return for each year it files (from its entry year until it exits). */
export function simulateEnterprise(world: World, i: number): EnterpriseSim {
  const rng = streamFor(world.seed, KIND.enterprise, i);
  const { firstYear, years } = world;
  const lastYear = firstYear + years - 1;
  const zi = weightedIndex(rng, world.zoneCumulative);
  const zone = world.zones[zi];
  const sector = SECTOR_LIST[weightedIndex(rng, SECTOR_CUMULATIVE)];
  const prof = SECTOR_PROFILES[sector];

  // Births and exits: most firms file from the first year; ~18% are born later; ~8% stop filing (exit) at some point.
  const born = years > 1 && rng() < 0.18;
  const entryYear = born ? firstYear + 1 + Math.floor(rng() * (years - 1)) : firstYear;
  const foundedYear = born ? entryYear : firstYear - 1 - Math.min(30, Math.floor(lognormal(rng, 6, 0.8)));
  const exitYear = entryYear < lastYear && rng() < 0.08 ? entryYear + 1 + Math.floor(rng() * (lastYear - entryYear)) : null;
  const age0 = entryYear - foundedYear;

  // Size: lognormal, median 40 at entry (12 for newborns); mean ≈ 100–110 (seed: 20.91 million employees).
  let employees = clamp(lognormal(rng, born ? 12 : 40, born ? 1.0 : 1.35), 3, 80_000);
  let productivity = lognormal(rng, prof.revenuePerEmployee, 0.5);
  const young = age0 < 5;
  const drift = clamp(0.095 + 0.035 * normal(rng) + (young ? 0.03 : 0), -0.2, 0.6);

  const degree = clamp(prof.degree - 0.01 + 0.12 * normal(rng), 0.05, 0.98);
  const st = clamp(0.93 * prof.st * Math.exp(0.35 * normal(rng)), 0.01, 0.9);
  const output = clamp(prof.output * (1 + 0.05 * normal(rng)), 0.3, 1.05);
  const valueAddedShare = clamp(prof.valueAdded * Math.exp(0.2 * normal(rng)), 0.08, 0.8);
  const rdShare = clamp(lognormal(rng, prof.rd, 0.55), 0.002, 0.6);
  const taxRate = clamp(0.18 + 0.05 * normal(rng), 0.02, 0.4);
  const margin = 0.065 + 0.06 * normal(rng);
  const exportProbability = 0.2 + (employees >= 100 ? 0.15 : 0) + (employees >= 500 ? 0.15 : 0);
  const exportShare = rng() < exportProbability ? uniform(rng, 0.05, 0.55) : 0;
  const techShare = rng() < prof.techSellers ? clamp(prof.techShare * Math.exp(0.5 * normal(rng)), 0.005, 0.9) : 0;
  const patentPropensity = lognormal(rng, 1, 0.8);
  const scholars = lognormal(rng, 1, 0.9) / Math.exp(0.405); // mean 1
  const foreigners = lognormal(rng, 1, 1.1) / Math.exp(0.605);

  // Incubation, certification, listing: what the registry's stage rules read (registry/stage.ts).
  const incubators = world.incubatorsByZone[zi];
  const incubated = incubators.length > 0 && age0 < 4 && rng() < (born ? 0.5 : 0.3);
  const incubator = incubated ? pick(rng, incubators) : null;
  const graduationYear = incubated ? entryYear + 1 + Math.floor(rng() * 4) : null;
  const certificationYear = rng() < 0.3 + (employees >= 100 ? 0.2 : 0) ? Math.max(foundedYear + 2, firstYear - 3 + Math.floor(rng() * (years + 6))) : null;
  const listingYear = rng() < (employees >= 1000 ? 0.08 : 0.003) ? firstYear - 5 + Math.floor(rng() * (years + 8)) : null;

  let revenue = employees * productivity;
  let validPatents = poisson(rng, (revenue * valueAddedShare * output * rdShare * patentPropensity * Math.min(age0, 8) * 0.6) / 4000);
  const history: { year: number; revenue: number }[] = [];
  const returns: Return[] = [];
  let stage: StageVerdict = { stage: 'registered', reason: { rule: 'registered' } };
  let last: Float64Array | null = null;
  const until = exitYear === null ? lastYear : exitYear - 1;
  for (let year = entryYear; year <= until; year++) {
    if (year > entryYear) {
      const shock = 0.07 * normal(rng);
      employees = clamp(employees * Math.exp(0.55 * drift + 0.6 * shock + 0.04 * normal(rng)), 1, 200_000);
      productivity *= Math.exp(0.45 * drift + 0.4 * shock + 0.03 * normal(rng));
      revenue = employees * productivity;
    }
    const v = new Float64Array(ENTERPRISE_CODES.length);
    const staff = Math.max(1, Math.round(employees));
    const rev = round1(revenue);
    const gross = round1(rev * output * (1 + 0.02 * normal(rng)));
    const va = round1(Math.min(gross, gross * valueAddedShare * Math.exp(0.05 * normal(rng))));
    const rd = round1(Math.min(rev, va * rdShare * Math.exp(0.15 * normal(rng))));
    const grantedMean = (rd * patentPropensity) / 4000;
    const granted = poisson(rng, grantedMean);
    validPatents = Math.round(validPatents * 0.95) + granted;
    v[E.employees] = staff;
    v[E.employees_degree] = Math.min(staff, Math.round(staff * clamp(degree + 0.02 * normal(rng), 0, 1)));
    v[E.st_personnel] = Math.min(staff, Math.max(rd > 0 ? 1 : 0, Math.round(staff * st)));
    v[E.operating_revenue] = rev;
    v[E.gross_output] = gross;
    v[E.value_added] = va;
    v[E.net_profit] = round1(rev * (margin + 0.025 * normal(rng)));
    v[E.taxes_paid] = round1(Math.max(0, va * taxRate * (1 + 0.1 * normal(rng))));
    v[E.exports] = exportShare > 0 ? round1(Math.min(rev, rev * clamp(exportShare * (1 + 0.1 * normal(rng)), 0, 1))) : 0;
    v[E.rd_expenditure] = rd;
    v[E.invention_patents_granted] = granted;
    v[E.valid_invention_patents] = validPatents;
    v[E.pct_applications] = poisson(rng, grantedMean * (exportShare > 0 ? 0.35 : 0.05));
    v[E.technical_income] = techShare > 0 ? round1(Math.min(rev, rev * techShare * (1 + 0.1 * normal(rng)))) : 0;
    v[E.returned_scholars] = Math.min(staff, poisson(rng, staff * 0.0052 * scholars));
    v[E.foreign_employees] = Math.min(staff, poisson(rng, staff * 0.0026 * foreigners));
    history.push({ year, revenue: Math.round(rev * 1000) });
    stage = deriveStage(
      {
        tenancyStatus: incubated ? (graduationYear !== null && year >= graduationYear ? 'graduated' : 'tenant') : null,
        certifiedHighTechOn: certificationYear !== null && certificationYear <= year ? String(certificationYear) : null,
        revenueHistory: history,
        listed: listingYear !== null && listingYear <= year,
      },
      world.gazelle,
    );
    returns.push({ year, stage: stage.stage, employees: staff, values: v });
    last = v;
  }

  const lastFiled = until;
  const month = MONTHS[Math.floor(rng() * 12)];
  return {
    id: demoId(world.seed, KIND.enterprise, i),
    key: `syn:demo:${world.seed}:enterprise:${i}`,
    names: enterpriseName(rng, zone.country, zone.place, sector),
    country: zone.country,
    province: zone.province,
    city: zone.city,
    zoneId: zone.id,
    incubatorId: incubator?.id ?? null,
    sector,
    foundedOn: `${foundedYear}-${month}`,
    employees: last ? last[E.employees] : Math.round(employees),
    technicalStaff: last ? last[E.st_personnel] : 0,
    tenancyStatus: incubated ? (graduationYear !== null && lastFiled >= graduationYear ? 'graduated' : 'tenant') : null,
    certifiedHighTechOn: certificationYear !== null && certificationYear <= lastFiled ? `${certificationYear}-${month}` : null,
    listed: listingYear !== null && listingYear <= lastFiled,
    revenueHistory: history,
    stage,
    returns,
  };
}

/** An incubator's returns: every year from the first (or its founding) on; tenants grow ~6% a year with noise. */
export function simulateIncubator(world: World, slot: IncubatorSlot, n: number): Return[] {
  const rng = streamFor(world.seed, KIND.incubatorSubmission, n);
  const lastYear = world.firstYear + world.years - 1;
  const from = Math.max(world.firstYear, slot.foundedYear ?? world.firstYear);
  let tenants = lognormal(rng, 35, 0.7);
  let space = Math.round(lognormal(rng, 6000, 0.8));
  const jobsPerTenant = lognormal(rng, 9, 0.4);
  const investmentPerTenant = lognormal(rng, 600, 1.0);
  const drift = 0.06 + 0.05 * normal(rng);
  const out: Return[] = [];
  for (let year = from; year <= lastYear; year++) {
    if (year > from) {
      tenants *= Math.exp(drift + 0.1 * normal(rng));
      if (rng() < 0.1) space = Math.round(space * uniform(rng, 1.1, 1.6));
    }
    const t = Math.max(1, Math.round(tenants));
    const v = new Float64Array(INCUBATOR_CODES.length);
    v[0] = space;
    v[1] = t;
    v[2] = Math.round(t * uniform(rng, 0.06, 0.22));
    v[3] = Math.max(t, Math.round(t * jobsPerTenant * (1 + 0.1 * normal(rng))));
    v[4] = round1(t * investmentPerTenant * Math.exp(0.4 * normal(rng)));
    out.push({ year, stage: null, employees: null, values: v });
  }
  return out;
}
