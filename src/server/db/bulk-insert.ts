import { type Column, getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

type Runner = Pick<Db, 'execute'>;

/** A PostgreSQL array literal of texts ({"a","b",NULL}), to pass a whole column as one parameter. */
export function textArray(values: (string | null)[]): string {
  const items = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    items[i] = v === null ? 'NULL' : NEEDS_ESCAPE.test(v) ? `"${v.replace(NEEDS_ESCAPE_ALL, '\\$&')}"` : `"${v}"`;
  }
  return `{${items.join(',')}}`;
}
const NEEDS_ESCAPE = /["\\]/;
const NEEDS_ESCAPE_ALL = /["\\]/g;

/** How a value travels as text to be cast to its column's type. */
export function asText(column: Column, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (column.columnType === 'PgJsonb' || column.columnType === 'PgJson') return JSON.stringify(v);
  if (column.columnType === 'PgArray') return textArray((v as unknown[]).map((x) => (x === null || x === undefined ? null : String(x))));
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const castType = (column: Column) =>
  column
    .getSQLType()
    .replace(/^bigserial$/, 'bigint')
    .replace(/^serial$/, 'integer');

/**
 * Inserts many rows in one statement whatever their number: each column travels as one text[] parameter and
 * `unnest` turns them back into rows (`INSERT … SELECT … FROM unnest($1::text[], $2::text[], …)`), so there
 * is one parameter per column, not per value (drizzle's multi-row VALUES would pass rows × columns of them,
 * past PostgreSQL's 65,535 limit at a few thousand rows, and costs more to build than to run). Rows are keyed
 * by field name like drizzle's `values()`; a field a row lacks takes the column's default, as there.
 */
export async function bulkInsert(db: Runner, table: PgTable, rows: Record<string, unknown>[], opts: { onConflict?: SQL } = {}): Promise<void> {
  const statement = bulkInsertSql(table, rows, opts);
  if (statement) await db.execute(statement);
}

/** The statement of `bulkInsert`, built but not run (null for no rows): to prepare the next while one runs. */
export function bulkInsertSql(table: PgTable, rows: Record<string, unknown>[], opts: { onConflict?: SQL } = {}): SQL | null {
  if (rows.length === 0) return null;
  const columns = Object.entries(getTableColumns(table)).filter(([field]) => rows.some((r) => r[field] !== undefined));
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const params = sql.join(
    columns.map(([field, c]) => sql`${textArray(rows.map((r) => asText(c, r[field])))}::text[]`),
    sql`, `,
  );
  const aliases = columns.map((_, i) => `c${i}`);
  const select = sql.join(
    columns.map(([field, c], i) => {
      const value = sql.raw(`u.${aliases[i]}::${castType(c)}`);
      if (!rows.some((r) => r[field] === undefined)) return value;
      if (!c.hasDefault) return value;
      if (is(c.default, SQL)) return sql`coalesce(${value}, ${c.default})`;
      if (c.default === undefined)
        throw new Error(`bulkInsert: ${getTableName(table)}.${c.name} has a default the database computes (serial); give every row a value or none`);
      return sql`coalesce(${value}, ${sql.raw(`${literal(asText(c, c.default))}::${castType(c)}`)})`;
    }),
    sql`, `,
  );
  return sql`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${params}) AS ${sql.raw(`u(${aliases.join(', ')})`)} ${opts.onConflict ?? sql``}`;
}

const literal = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);
