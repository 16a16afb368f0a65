import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Entity, EntityListQuery, EntityType } from '../../../shared/contracts/registry';
import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { canSeePrivate } from './access';
import { ENTITY_CONFIG } from './entity-types';

type Row = Record<string, unknown> & { id: string };
type Col = SQL.Aliased | import('drizzle-orm/pg-core').PgColumn;

const col = (type: EntityType, name: string) => (ENTITY_CONFIG[type].table as unknown as Record<string, Col>)[name] as import('drizzle-orm/pg-core').PgColumn | undefined;

/** Strips private fields for readers not allowed to see them; adds the type; dates as ISO strings. */
export function toDto(ctx: Ctx, type: EntityType, row: Row): Entity {
  const hide = canSeePrivate(ctx.actor) ? [] : ENTITY_CONFIG[type].privateFields;
  const out: Record<string, unknown> = { type };
  for (const [k, v] of Object.entries(row)) {
    if (hide.includes(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  // A stage reason quotes the figures that decided it (valuation, revenue): private, so only its rule stays public.
  if (hide.length && row.stageReason && typeof row.stageReason === 'object') {
    out.stageReason = { rule: (row.stageReason as { rule: string }).rule };
  }
  return out as Entity;
}

const SORTABLE = ['names', 'createdAt', 'updatedAt', 'foundedOn', 'approvedOn', 'areaKm2', 'employees', 'country', 'province', 'appendixNo'];

export function listWhere(type: EntityType, query: z.output<typeof EntityListQuery>): SQL | undefined {
  const c = (name: string) => col(type, name);
  const eqIf = (name: string, value: unknown) => (value !== undefined && c(name) ? eq(c(name)!, value) : undefined);
  const conditions: (SQL | undefined)[] = [
    eqIf('kind', query.kind),
    eqIf('country', query.country),
    eqIf('province', query.province),
    eqIf('sector', query.sector),
    eqIf('stage', query.stage),
    query.zoneId ? (c('hostZoneId') ? eq(c('hostZoneId')!, query.zoneId) : c('parentId') ? eq(c('parentId')!, query.zoneId) : undefined) : undefined,
    eqIf('incubatorId', query.incubatorId),
    query.synthetic === 'exclude' ? eq(c('synthetic')!, false) : query.synthetic === 'only' ? eq(c('synthetic')!, true) : undefined,
  ];
  if (query.q) {
    const p = `%${query.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`;
    const names = c('names')!;
    conditions.push(or(ilike(sql`${names}->>'en'`, p), ilike(sql`coalesce(${names}->>'zh', '')`, p), ilike(sql`coalesce(${names}->>'ur', '')`, p)));
  }
  return and(...conditions);
}

function orderOf(type: EntityType, sort: string | undefined): SQL[] {
  const desc_ = sort?.startsWith('-') ?? false;
  const name = sort?.replace(/^-/, '') ?? 'names';
  const field = SORTABLE.includes(name) ? col(type, name) : undefined;
  const target = !field || name === 'names' ? sql`${col(type, 'names')}->>'en'` : sql`${field}`;
  // Unknown values (no date, no area) go last whichever way the list is sorted.
  return [desc_ ? sql`${target} DESC NULLS LAST` : sql`${target} ASC NULLS LAST`, asc(col(type, 'id')!)];
}

export async function listEntities(ctx: Ctx, type: EntityType, query: z.output<typeof EntityListQuery>) {
  const { table } = ENTITY_CONFIG[type];
  const where = listWhere(type, query);
  const db = ctx.database.db;
  const [rows, [{ n }]] = await Promise.all([
    db.select().from(table).where(where).orderBy(...orderOf(type, query.sort)).limit(query.limit).offset(query.offset) as unknown as Promise<Row[]>,
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { items: rows.map((r) => toDto(ctx, type, r)), total: n };
}

/** All rows of a filtered list, in pages, for export. */
export async function* iterateEntities(ctx: Ctx, type: EntityType, query: z.output<typeof EntityListQuery>, pageSize = 2000) {
  for (let offset = 0; ; offset += pageSize) {
    const page = await listEntities(ctx, type, { ...query, limit: pageSize, offset });
    yield page.items;
    if (page.items.length < pageSize) return;
  }
}

export async function findEntityRow(ctx: Ctx, type: EntityType, id: string): Promise<Row> {
  const { table } = ENTITY_CONFIG[type];
  const [row] = (await ctx.database.db.select().from(table).where(eq(col(type, 'id')!, id))) as Row[];
  if (!row) throw notFound();
  return row;
}
