import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { EntityType } from '../../../shared/contracts/registry';
import type { Db } from '../../db/client';
import type { Ctx } from '../../platform/context';
import { ENTITY_CONFIG } from './entity-types';
import { findEntityRow, toDto } from './read-entity';
import { affiliations, enterprises, governanceLinks, incubators, institutions, type Names, zones } from './registry.tables';

export type Summary = { type: EntityType; id: string; names: Names; kind?: string | null };

const RELATED_LIMIT = 200;

async function summaries(db: Db, type: EntityType, ids: string[]): Promise<Summary[]> {
  if (ids.length === 0) return [];
  const t = ENTITY_CONFIG[type].table as unknown as typeof zones;
  const kind = 'kind' in t ? t.kind : sql<null>`null`;
  const rows = await db.select({ id: t.id, names: t.names, kind }).from(t).where(inArray(t.id, ids));
  return rows.map((r) => ({ type, ...r }));
}

const one = async (db: Db, type: EntityType, id: unknown) => (typeof id === 'string' ? ((await summaries(db, type, [id]))[0] ?? null) : null);

/** An entity with what hangs on it: zone → member parks → incubators → tenants; governance both ways. */
export async function getEntityDetail(ctx: Ctx, type: EntityType, id: string) {
  const db = ctx.database.db;
  const row = await findEntityRow(ctx, type, id);
  const relations: Record<string, unknown> = {};
  if (type === 'zone') {
    const [parks, incs, [{ n }]] = await Promise.all([
      db.select({ id: zones.id, names: zones.names, kind: zones.kind }).from(zones).where(eq(zones.parentId, id)).orderBy(asc(sql`${zones.names}->>'en'`)),
      db
        .select({ id: incubators.id, names: incubators.names, kind: incubators.kind, lat: incubators.lat, lon: incubators.lon, city: incubators.city })
        .from(incubators)
        .where(eq(incubators.hostZoneId, id))
        .orderBy(asc(sql`${incubators.names}->>'en'`))
        .limit(RELATED_LIMIT),
      db.select({ n: count() }).from(enterprises).where(eq(enterprises.hostZoneId, id)),
    ]);
    Object.assign(relations, {
      parent: await one(db, 'zone', row.parentId),
      governingBody: await one(db, 'institution', row.governingBodyId),
      memberParks: parks.map((p) => ({ type: 'zone', ...p })),
      incubators: incs.map((i) => ({ type: 'incubator', ...i })),
      enterpriseCount: n,
    });
  } else if (type === 'incubator') {
    const tenants = await db
      .select({ id: enterprises.id, names: enterprises.names, stage: enterprises.stage, tenancyStatus: enterprises.tenancyStatus })
      .from(enterprises)
      .where(eq(enterprises.incubatorId, id))
      .orderBy(asc(sql`${enterprises.names}->>'en'`))
      .limit(RELATED_LIMIT);
    Object.assign(relations, { hostZone: await one(db, 'zone', row.hostZoneId), tenants: tenants.map((t) => ({ type: 'enterprise', ...t })) });
  } else if (type === 'enterprise') {
    Object.assign(relations, { hostZone: await one(db, 'zone', row.hostZoneId), incubator: await one(db, 'incubator', row.incubatorId) });
  } else if (type === 'institution') {
    const children = await db.select({ id: institutions.id, names: institutions.names, kind: institutions.kind }).from(institutions).where(eq(institutions.parentId, id));
    Object.assign(relations, { parent: await one(db, 'institution', row.parentId), children: children.map((c) => ({ type: 'institution', ...c })) });
  } else if (type === 'person') {
    relations.affiliations = await personAffiliations(db, id);
  }
  if (type === 'zone' || type === 'institution' || type === 'incubator') relations.members = await affiliatedPeople(db, type, id);
  relations.governance = await governanceOf(db, type, id);
  return { ...toDto(ctx, type, row), relations };
}

async function personAffiliations(db: Db, personId: string) {
  const rows = await db.select().from(affiliations).where(eq(affiliations.personId, personId));
  return Promise.all(rows.map(async (a) => ({ position: a.position, org: await one(db, a.orgType as EntityType, a.orgId) })));
}

async function affiliatedPeople(db: Db, orgType: EntityType, orgId: string) {
  const rows = await db.select().from(affiliations).where(and(eq(affiliations.orgType, orgType), eq(affiliations.orgId, orgId)));
  const people = await summaries(db, 'person', rows.map((r) => r.personId));
  return rows.map((r) => ({ position: r.position, person: people.find((p) => p.id === r.personId) ?? null }));
}

async function governanceOf(db: Db, type: EntityType, id: string) {
  const links = await db
    .select()
    .from(governanceLinks)
    .where(or(and(eq(governanceLinks.parentType, type), eq(governanceLinks.parentId, id)), and(eq(governanceLinks.childType, type), eq(governanceLinks.childId, id))));
  return Promise.all(
    links.map(async (l) => {
      const up = l.childId === id;
      return { direction: up ? 'overseenBy' : 'oversees', relation: l.relation, source: l.source, other: await one(db, (up ? l.parentType : l.childType) as EntityType, up ? l.parentId : l.childId) };
    }),
  );
}

export type GovernanceNode = Summary & { relation: string | null; source: string | null; children: GovernanceNode[] };

/** The governance chains as a forest: roots are bodies nobody oversees (State Council, …). */
export async function governanceTree(ctx: Ctx): Promise<GovernanceNode[]> {
  const db = ctx.database.db;
  const links = await db.select().from(governanceLinks);
  const byType = new Map<EntityType, Set<string>>();
  for (const l of links) {
    for (const [t, i] of [[l.parentType, l.parentId], [l.childType, l.childId]] as const) {
      if (!byType.has(t as EntityType)) byType.set(t as EntityType, new Set());
      byType.get(t as EntityType)!.add(i);
    }
  }
  const nodes = new Map<string, Summary>();
  for (const [t, ids] of byType) for (const s of await summaries(db, t, [...ids])) nodes.set(`${t}:${s.id}`, s);
  const childKeys = new Set(links.map((l) => `${l.childType}:${l.childId}`));
  const build = (key: string, relation: string | null, source: string | null, seen: Set<string>): GovernanceNode | null => {
    const s = nodes.get(key);
    if (!s || seen.has(key)) return null;
    const next = new Set(seen).add(key);
    const children = links
      .filter((l) => `${l.parentType}:${l.parentId}` === key)
      .map((l) => build(`${l.childType}:${l.childId}`, l.relation, l.source, next))
      .filter((n): n is GovernanceNode => !!n)
      .sort((a, b) => a.names.en.localeCompare(b.names.en));
    return { ...s, relation, source, children };
  };
  return [...nodes.keys()]
    .filter((k) => !childKeys.has(k))
    .map((k) => build(k, null, null, new Set()))
    .filter((n): n is GovernanceNode => !!n)
    .sort((a, b) => a.names.en.localeCompare(b.names.en));
}
