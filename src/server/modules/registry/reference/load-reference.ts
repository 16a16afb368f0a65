import { inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { EntityType } from '../../../../shared/contracts/registry';
import { type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { ENTITY_CONFIG } from '../entity-types';
import { affiliations, countries, divisions, governanceLinks } from '../registry.tables';
import { indexEntities } from '../search-index';
import { deriveStage } from '../stage';
import { loadReferenceData, type ReferenceData } from './reference.schema';

const TYPE_OF_PREFIX: Record<string, EntityType> = { 'zone:': 'zone', 'inc:': 'incubator', 'inst:': 'institution', 'ent:': 'enterprise', 'person:': 'person', 'inv:': 'investor' };
const typeOfKey = (key: string) => TYPE_OF_PREFIX[`${key.split(':')[0]}:`];

export type ReferenceLoadResult = Record<EntityType | 'divisions' | 'governance' | 'affiliations', number>;

/**
 * Loads (or refreshes) the reference data set built from the seeds: every record upserted by its key,
 * relations rebuilt, search entries and audit rows written, all in one transaction.
 */
export async function loadReference(ctx: Ctx, data: ReferenceData = loadReferenceData(), onProgress?: (done: number, total: number, what: string) => void) {
  const steps = 9;
  let step = 0;
  const tick = (what: string) => onProgress?.(++step, steps, what);
  return withTransaction(ctx, async (tx) => {
    await upsertGeography(tx, data);
    tick('geography');
    const ids = new Map<string, string>();
    const result = { divisions: data.geography.divisions.length } as ReferenceLoadResult;
    // Parents first, so keys resolve; self-references (parent zones, parent institutions) in a second pass.
    const order: [EntityType, Record<string, unknown>[]][] = [
      ['institution', data.institutions],
      ['zone', data.zones],
      ['incubator', data.incubators],
      ['enterprise', data.enterprises],
      ['investor', data.investors],
      ['person', data.people],
    ];
    for (const [type, records] of order) {
      result[type] = await upsertEntities(ctx, tx, type, records.map((r) => toRow(type, r, ids)), ids);
      tick(type);
    }
    await linkParents(tx, data, ids);
    result.affiliations = await rebuildAffiliations(tx, data, ids);
    tick('affiliations');
    result.governance = await rebuildGovernance(tx, data, ids);
    tick('governance');
    return result;
  });
}

/** True when the reference set has never been loaded into this database. */
export async function referenceLoaded(ctx: Ctx): Promise<boolean> {
  const rows = await ctx.database.db.select({ code: divisions.code }).from(divisions).limit(1);
  return rows.length > 0;
}

async function upsertGeography(tx: Tx, data: ReferenceData) {
  await tx
    .insert(countries)
    .values(data.geography.countries.map((c) => ({ code: c.code, names: c.names })))
    .onConflictDoUpdate({ target: countries.code, set: { names: sql`excluded.names` } });
  await tx
    .insert(divisions)
    .values(data.geography.divisions.map((d) => ({ code: d.code, country: d.country, level: d.level, parent: d.parent, names: d.names, lat: d.lat ?? null, lon: d.lon ?? null })))
    .onConflictDoUpdate({
      target: divisions.code,
      set: { country: sql`excluded.country`, level: sql`excluded.level`, parent: sql`excluded.parent`, names: sql`excluded.names`, lat: sql`excluded.lat`, lon: sql`excluded.lon` },
    });
}

/** A reference record as a table row; `*Key` references become ids (resolved from earlier types). */
function toRow(type: EntityType, r: Record<string, unknown>, ids: Map<string, string>): Record<string, unknown> {
  const id = (k: unknown) => (typeof k === 'string' ? (ids.get(k) ?? null) : null);
  const base = {
    key: r.key,
    names: r.names,
    nativeName: r.nativeName ?? null,
    abbreviation: r.abbreviation ?? null,
    country: r.country ?? 'CN',
    province: r.province ?? null,
    city: r.city ?? null,
    website: r.website ?? null,
    description: r.description ?? null,
    facts: r.facts ?? [],
    source: r.source,
    synthetic: false,
  };
  switch (type) {
    case 'zone':
      return {
        ...base,
        kind: r.kind,
        governingBodyId: id(r.governingBodyKey),
        approvedOn: r.approvalDate ?? null,
        approvedBy: r.approvedBy ?? null,
        areaKm2: r.areaKm2 ?? null,
        focusIndustries: r.focusIndustries ?? [],
        companyCount: r.companyCount ?? null,
        memberParkCount: r.memberParkCount ?? null,
        appendixNo: r.appendixNo ?? null,
      };
    case 'incubator':
      return { ...base, kind: r.kind, level: r.level ?? null, ownership: r.ownership ?? null, hostZoneId: id(r.hostZoneKey), foundedOn: r.foundedOn ?? null, spaceM2: r.spaceM2 ?? null, certifications: r.certifications ?? [] };
    case 'enterprise': {
      const facts = (r.stageFacts ?? {}) as { listed?: boolean; unicorn?: boolean };
      const stage = deriveStage({ listed: facts.listed, unicornFact: facts.unicorn });
      return { ...base, sector: r.sector ?? null, hostZoneId: id(r.hostZoneKey), listed: !!facts.listed, unicornFact: !!facts.unicorn, stage: stage.stage, stageReason: stage.reason };
    }
    case 'person':
      return { ...base, title: r.title ?? null, publicRole: r.publicRole ?? null, roles: r.roles ?? [] };
    default:
      return { ...base, kind: r.kind };
  }
}

async function upsertEntities(ctx: Ctx, tx: Tx, type: EntityType, rows: Record<string, unknown>[], ids: Map<string, string>): Promise<number> {
  if (rows.length === 0) return 0;
  const table = ENTITY_CONFIG[type].table as PgTable & Record<string, PgColumn>;
  const columns = Object.keys(rows[0]).filter((k) => k !== 'key');
  const set = Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded."${table[k].name}"`)]));
  const saved = (await tx
    .insert(table)
    .values(rows as never)
    .onConflictDoUpdate({ target: table.key, set: { ...set, updatedAt: sql`now()` } })
    .returning()) as (Record<string, unknown> & { id: string; key: string })[];
  for (const row of saved) ids.set(row.key, row.id);
  for (let i = 0; i < saved.length; i += 500) {
    const chunk = saved.slice(i, i + 500);
    await indexEntities(tx, type, chunk as never);
    await writeAuditMany(tx, ctx, chunk.map((row) => ({ action: `${type}.reference_load`, entityType: type, entityId: row.id, after: row })));
  }
  return saved.length;
}

async function linkParents(tx: Tx, data: ReferenceData, ids: Map<string, string>) {
  for (const [type, records] of [['zone', data.zones], ['institution', data.institutions]] as const) {
    const table = ENTITY_CONFIG[type].table as PgTable & Record<string, PgColumn>;
    for (const r of records) {
      if (!r.parentKey) continue;
      await tx.update(table).set({ parentId: ids.get(r.parentKey) ?? null } as never).where(sql`${table.key} = ${r.key}`);
    }
  }
}

async function rebuildAffiliations(tx: Tx, data: ReferenceData, ids: Map<string, string>): Promise<number> {
  const personIds = data.people.map((p) => ids.get(p.key)!).filter(Boolean);
  if (personIds.length) await tx.delete(affiliations).where(inArray(affiliations.personId, personIds));
  const rows = data.people.flatMap((p) =>
    p.affiliations
      .filter((a) => ids.has(a.orgKey))
      .map((a) => ({ personId: ids.get(p.key)!, orgType: typeOfKey(a.orgKey), orgId: ids.get(a.orgKey)!, position: a.position, source: p.source })),
  );
  if (rows.length) await tx.insert(affiliations).values(rows);
  return rows.length;
}

/** Links from the seeds are replaced whole; links users added (no seed source) stay. */
async function rebuildGovernance(tx: Tx, data: ReferenceData, ids: Map<string, string>): Promise<number> {
  await tx.delete(governanceLinks).where(sql`${governanceLinks.source} LIKE 'seeds/%'`);
  const rows = data.governance
    .filter((g) => ids.has(g.parentKey) && ids.has(g.childKey))
    .map((g) => ({ parentType: typeOfKey(g.parentKey), parentId: ids.get(g.parentKey)!, childType: typeOfKey(g.childKey), childId: ids.get(g.childKey)!, relation: g.relation, source: g.source }));
  if (rows.length) await tx.insert(governanceLinks).values(rows);
  return rows.length;
}

