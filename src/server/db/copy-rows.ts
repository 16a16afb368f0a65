import { once } from 'node:events';
import { type Column, getTableColumns, getTableName, is, SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { asText, bulkInsertSql } from './bulk-insert';
import type { Db } from './client';

type Runner = Pick<Db, 'execute'>;

/** Bytes serialised between writes to the COPY stream: big enough to amortise, small enough to keep both sides busy. */
const CHUNK_BYTES = 256 * 1024;
/** Rows per statement where COPY is not available (PGlite). */
const STATEMENT_ROWS = 5000;

/**
 * Writes many rows into a table with PostgreSQL's COPY FROM STDIN, inside the caller's transaction (so they
 * commit, or roll back, with everything else it does). Rows are keyed by field name like drizzle's `values()`;
 * a field some rows lack takes its column's default there (a default the database computes, like now(), must
 * be given by all rows or none), and the columns no row has take their defaults. Rows are serialised in chunks while the server takes in the chunks before, so both work at once.
 * On PGlite, which has no COPY FROM STDIN over the wire, the same rows go in by `bulkInsertSql` statements.
 */
export async function copyRows(tx: Runner, table: PgTable, rows: Record<string, unknown>[], onRows?: (done: number) => void): Promise<number> {
  if (rows.length === 0) return 0;
  const fields = fieldsOf(table, rows);
  const client = pgClientOf(tx);
  return client ? copyOverWire(client, table, fields, rows, onRows) : insertInStatements(tx, table, rows, onRows);
}

type Field = { field: string; name: string; text: (v: unknown) => string; fallback: string };

/** The fields any row has, each with its value-to-COPY-text function and the text a row lacking it takes (its column's default, else NULL). */
function fieldsOf(table: PgTable, rows: Record<string, unknown>[]): Field[] {
  const columns = getTableColumns(table);
  const present = new Map<string, number>();
  for (const row of rows) for (const f in row) if (row[f] !== undefined) present.set(f, (present.get(f) ?? 0) + 1);
  return [...present].map(([field, count]) => {
    const column = columns[field];
    if (!column) throw new Error(`copyRows: ${getTableName(table)} has no column for ${field}`);
    const computed = column.hasDefault && (is(column.default, SQL) || column.default === undefined);
    if (computed && count < rows.length)
      throw new Error(`copyRows: ${getTableName(table)}.${column.name} has a default the database computes; give every row a value or none`);
    const fallback = column.hasDefault && !computed ? asText(column, column.default) : null;
    return { field, name: column.name, text: copyText(column), fallback: fallback === null ? '\\N' : copyEscape(fallback) };
  });
}

/** A column's value as COPY text, chosen once per column rather than per value. */
function copyText(column: Column): (v: unknown) => string {
  if (column.columnType === 'PgJsonb' || column.columnType === 'PgJson') return (v) => copyEscape(JSON.stringify(v));
  return (v) => copyEscape(asText(column, v)!);
}

async function copyOverWire(client: pg.ClientBase, table: PgTable, fields: Field[], rows: Record<string, unknown>[], onRows?: (done: number) => void) {
  const names = fields.map((f) => `"${f.name}"`).join(', ');
  const stream = client.query(pgCopy.from(`COPY "${getTableName(table)}" (${names}) FROM STDIN`));
  let failed: unknown = null;
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', (e) => {
      failed = e;
      reject(e);
    });
  });
  finished.catch(() => {}); // awaited below
  const out = new LineBuffer();
  try {
    for (let r = 0; r < rows.length && !failed; r++) {
      out.add(copyLine(fields, rows[r]));
      if (out.size >= CHUNK_BYTES) {
        // Let the socket send what is written while the next chunk is serialised; wait when the server is behind.
        if (!stream.write(out.take())) await once(stream, 'drain');
        else await new Promise((resolve) => setImmediate(resolve));
        onRows?.(r + 1);
      }
    }
    if (!failed) stream.end(out.take());
  } catch (e) {
    // A value that cannot be written (say, JSON with a cycle): the server is told to abandon the COPY.
    stream.destroy(e as Error);
    await finished.catch(() => {});
    throw e;
  }
  await finished;
  onRows?.(rows.length);
  return rows.length;
}

function copyLine(fields: Field[], row: Record<string, unknown>): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    const { field, text, fallback } = fields[i];
    const value = row[field];
    const t = value === undefined ? fallback : value === null ? '\\N' : text(value);
    line += i ? `\t${t}` : t;
  }
  return `${line}\n`;
}

/**
 * Lines encoded as UTF-8 straight into one growing buffer: encoding each short line is several times cheaper
 * than concatenating a chunk of them and encoding that (V8 must first flatten the long rope, often two-byte).
 */
class LineBuffer {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  size = 0;
  add(line: string) {
    if (this.size + line.length * 3 > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.size + line.length * 3));
      this.buf.copy(bigger, 0, 0, this.size);
      this.buf = bigger;
    }
    this.size += this.buf.write(line, this.size);
  }
  /** What is written so far, as its own buffer (the stream may hold it); the buffer starts anew. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.size);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES * 2, this.buf.length));
    this.size = 0;
    return chunk;
  }
}

async function insertInStatements(tx: Runner, table: PgTable, rows: Record<string, unknown>[], onRows?: (done: number) => void) {
  for (let i = 0; i < rows.length; i += STATEMENT_ROWS) {
    const statement = bulkInsertSql(table, rows.slice(i, i + STATEMENT_ROWS));
    if (statement) await tx.execute(statement);
    onRows?.(Math.min(i + STATEMENT_ROWS, rows.length));
  }
  return rows.length;
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; everything else as it is. */
export function copyEscape(v: string): string {
  return NEEDS_ESCAPE.test(v) ? v.replace(ESCAPED, (c) => ESCAPES[c]) : v;
}
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The node-postgres connection under a drizzle transaction or database, or null when it runs on PGlite. */
function pgClientOf(tx: Runner): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}
