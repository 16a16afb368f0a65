// Bulk load of the synthetic registry into a PostgreSQL database: COPY FROM STDIN into the entity tables and
// search_entries, secondary indexes dropped during the load and rebuilt after it (the same definitions), then ANALYZE.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { EntityType } from '../src/shared/contracts/registry';
import { searchFields, tsvectorLiteral } from '../src/server/modules/registry/search-index';
import { type SyntheticEntity, syntheticEntities } from '../src/server/modules/registry/synthetic';

type Cell = string | number | boolean | null;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A value in COPY's text format. */
export const copyCell = (v: Cell): string => (v === null ? '\\N' : typeof v === 'string' ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : String(v));
const copyLine = (cells: Cell[]) => `${cells.map(copyCell).join('\t')}\n`;
const pgTextArray = (items: string[]) => `{${items.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

const COMMON = ['id', 'key', 'names', 'country', 'province', 'city', 'website', 'synthetic'];
const common = (e: SyntheticEntity): Cell[] => [e.id, e.key, JSON.stringify(e.names), e.country, e.province, e.city, e.website, true];

/** What each entity type writes to its own table. */
const TABLES: Record<EntityType, { table: string; columns: string[]; cells: (e: SyntheticEntity) => Cell[] }> = {
  enterprise: {
    table: 'enterprises',
    columns: [...COMMON, 'sector', 'employees', 'founded_on', 'stage'],
    cells: (e) => [...common(e), e.sector, e.employees, e.foundedOn, e.stage ?? 'registered'],
  },
  zone: { table: 'zones', columns: [...COMMON, 'kind'], cells: (e) => [...common(e), e.kind] },
  incubator: { table: 'incubators', columns: [...COMMON, 'kind'], cells: (e) => [...common(e), e.kind] },
  institution: { table: 'institutions', columns: [...COMMON, 'kind'], cells: (e) => [...common(e), e.kind] },
  investor: { table: 'investors', columns: [...COMMON, 'kind'], cells: (e) => [...common(e), e.kind] },
  person: { table: 'people', columns: [...COMMON, 'roles'], cells: (e) => [...common(e), pgTextArray(e.roles ?? [])] },
};
const SEARCH_COLUMNS = ['entity_type', 'entity_id', 'names', 'kind', 'country', 'province', 'sector', 'stage', 'synthetic', 'terms'];

/** One COPY FROM STDIN on its own connection, written in chunks with back-pressure. */
async function openCopy(url: string, table: string, columns: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stream = client.query(pgCopy.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)) as Writable;
  let failure: Error | undefined;
  stream.on('error', (e) => {
    failure = e;
  });
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let buffer: string[] = [];
  return {
    async push(line: string) {
      buffer.push(line);
      if (buffer.length >= 500) await this.flush();
    },
    async flush() {
      if (failure) throw failure;
      if (!buffer.length) return;
      const chunk = buffer.join('');
      buffer = [];
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
    },
    async end() {
      await this.flush();
      stream.end();
      try {
        await done;
      } finally {
        await client.end();
      }
    },
  };
}

type IndexDef = { name: string; def: string };

/** Secondary indexes of the tables (not those behind a primary key or unique constraint). */
async function secondaryIndexes(client: pg.Client, tables: string[]): Promise<IndexDef[]> {
  const { rows } = await client.query<IndexDef>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname, 1`,
    [tables],
  );
  return rows;
}

export type LoadResult = { rows: number; byType: Record<string, number>; copySeconds: number; indexSeconds: number; analyzeSeconds: number };

/**
 * Generates `count` synthetic entities from `seed` and loads them, with their search entries.
 * Expects an empty, migrated database.
 */
export async function loadSynthetic(url: string, { seed, count, progress = true }: { seed: number; count: number; progress?: boolean }): Promise<LoadResult> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const tables = ['search_entries', ...Object.values(TABLES).map((t) => t.table)];
    const indexes = await secondaryIndexes(admin, tables);
    for (const ix of indexes) await admin.query(`DROP INDEX ${ix.name}`);

    const t0 = performance.now();
    const search = await openCopy(url, 'search_entries', SEARCH_COLUMNS);
    const entityCopies = Object.fromEntries(
      await Promise.all(Object.entries(TABLES).map(async ([type, t]) => [type, await openCopy(url, t.table, t.columns)] as const)),
    ) as Record<EntityType, Awaited<ReturnType<typeof openCopy>>>;
    const bar = progress
      ? new cliProgress.SingleBar(
          {
            format: 'synthetic registry |{bar}| {percentage}% {value}/{total} entities, {rate}/s, eta {eta}s',
            hideCursor: true,
            noTTYOutput: true,
            notTTYSchedule: 15_000,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bar?.start(count, 0, { rate: 0 });
    const byType: Record<string, number> = {};
    let n = 0;
    for (const e of syntheticEntities({ seed, count })) {
      const s = searchFields(e.type, e);
      await search.push(
        copyLine([s.entityType, s.entityId, JSON.stringify(s.names), s.kind, s.country, s.province, s.sector, s.stage, true, tsvectorLiteral(s.terms)]),
      );
      await entityCopies[e.type].push(copyLine(TABLES[e.type].cells(e)));
      byType[e.type] = (byType[e.type] ?? 0) + 1;
      if (++n % 5000 === 0) {
        bar?.update(n, { rate: Math.round(n / ((performance.now() - t0) / 1000)) });
        await new Promise((resolve) => setImmediate(resolve)); // let the bar draw
      }
    }
    await Promise.all([search.end(), ...Object.values(entityCopies).map((c) => c.end())]);
    bar?.update(n, { rate: Math.round(n / ((performance.now() - t0) / 1000)) });
    bar?.stop();
    const copySeconds = (performance.now() - t0) / 1000;

    // Rebuild on two connections at once (two cores); the biggest (the GIN indexes of search_entries) go first.
    const t1 = performance.now();
    const queue = [...indexes].sort((a, b) => Number(b.def.includes('gin')) - Number(a.def.includes('gin')));
    if (progress) process.stderr.write(`rebuilding ${queue.length} indexes …\n`);
    await Promise.all(
      [0, 1].map(async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`SET maintenance_work_mem = '512MB'`);
          for (let ix = queue.shift(); ix; ix = queue.shift()) await c.query(ix.def);
        } finally {
          await c.end();
        }
      }),
    );
    const indexSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    await admin.query('ANALYZE');
    return { rows: n, byType, copySeconds, indexSeconds, analyzeSeconds: (performance.now() - t2) / 1000 };
  } finally {
    await admin.end();
  }
}
