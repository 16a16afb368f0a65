import { randomUUID } from 'node:crypto';
import type { EntityType } from '../../../../shared/contracts/registry';
import { translate } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';
import { issueMessage, zodErrorMap } from '../../../platform/http/validation';
import { ENTITY_CONFIG } from '../entity-types';
import { COLUMNS, type Column } from './columns';
import type { Table } from './read-table';

export type RowError = { row: number; column: string; message: string };
export type ImportRecord = { row: number; id: string; key: string | null; existing: boolean; values: Record<string, unknown> };
/** Looks up an existing entity by key or id; returns its id. */
export type Lookup = (type: EntityType, keyOrId: string) => string | undefined;

const TRUE = new Set(['true', 'yes', 'y', '1', '是', 'ہاں']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', 'نہیں']);
const REQUIRED: Record<EntityType, string[]> = {
  zone: ['name_en', 'country', 'kind'],
  incubator: ['name_en', 'country', 'kind'],
  enterprise: ['name_en', 'country'],
  institution: ['name_en', 'country', 'kind'],
  investor: ['name_en', 'country', 'kind'],
  person: ['name_en', 'country'],
};

/** Whether rows of this type may refer to other rows of the same type (a zone's parent zone). */
export const refersToOwnType = (type: EntityType) => COLUMNS[type].some((c) => c.kind === 'ref' && c.refType === type);

/**
 * Turns a table of strings into validated entity inputs, or explains every bad cell: row number as the
 * spreadsheet shows it (the header is row 1), column name, and a message in the reader's language.
 */
export function buildRecords(type: EntityType, table: Table, lang: Language, lookup: Lookup, existingKeys: Map<string, string>) {
  const builder = recordBuilder(type, table, lang, lookup, existingKeys);
  const records = builder.place(builder.build(0, table.rows.length), existingKeys);
  return { records, errors: builder.errors };
}

/**
 * The same work in ranges of rows, for an import that writes one range while it validates the next; `errors`
 * gathers every range's problems. A record's id is the id of the existing entity of its key, else a new one:
 * `place` settles it from the existing keys. Where rows may refer to rows of their own type, the keys of the
 * whole file are given ids first (`existingKeys` needed up front), so a row may name one defined later;
 * otherwise keys are checked for repeats range by range, and the existing keys may come while the first range
 * is validated.
 */
export function recordBuilder(type: EntityType, table: Table, lang: Language, lookup: Lookup, existingKeys?: Map<string, string>) {
  const columns = COLUMNS[type];
  const errors: RowError[] = [];
  const msg = (key: string, params: Record<string, unknown> = {}) => translate(lang, `errors:import.${key}`, params);

  const byName = new Map(columns.map((c) => [c.name, c]));
  table.header.forEach((h) => {
    if (h && !byName.has(h)) errors.push({ row: 1, column: h, message: msg('unknown_column', { allowed: columns.map((c) => c.name).join(', ') }) });
  });
  for (const required of REQUIRED[type]) {
    if (!table.header.includes(required)) errors.push({ row: 1, column: required, message: msg('missing_column') });
  }
  const place = (records: ImportRecord[], _keys: Map<string, string>) => records;
  if (errors.length) return { errors, headerValid: false, build: (_from: number, _to: number): ImportRecord[] => [], place };

  const keyColumn = table.header.indexOf('key');
  const keyAt = (i: number) => (keyColumn >= 0 ? (table.rows[i][keyColumn] ?? '').trim() : '');
  const seenKeys = new Map<string, number>();
  const seeKey = (key: string, row: number) => {
    const first = seenKeys.get(key);
    if (first !== undefined) errors.push({ row, column: 'key', message: msg('duplicate_key', { row: first }) });
    else seenKeys.set(key, row);
  };
  // Keys defined in this file resolve to the ids the new rows will get, so rows may refer to each other.
  const fileIds = new Map<string, string>();
  const upfront = refersToOwnType(type);
  if (upfront) {
    for (let i = 0; i < table.rows.length; i++) {
      const key = keyAt(i);
      if (!key) continue;
      seeKey(key, i + 2);
      if (!fileIds.has(key)) fileIds.set(key, existingKeys?.get(key) ?? randomUUID());
    }
  }
  const resolve = (refType: EntityType, v: string) => (refType === type ? fileIds.get(v) : undefined) ?? lookup(refType, v);
  const schema = ENTITY_CONFIG[type].input;
  const headerColumns = table.header.map((h) => byName.get(h)!);

  const buildRow = (cells: string[], row: number): ImportRecord | null => {
    const values: Record<string, unknown> = {};
    const badColumns = new Set<string>();
    for (let c = 0; c < headerColumns.length; c++) {
      const raw = (cells[c] ?? '').trim();
      if (raw === '') continue;
      const parsed = parseCell(headerColumns[c], raw, resolve);
      if ('error' in parsed) {
        errors.push({ row, column: table.header[c], message: msg(parsed.error, { value: raw }) });
        badColumns.add(table.header[c]);
      } else assign(values, headerColumns[c], parsed.value);
    }
    // Every problem of the row at once: the cells that did not parse, then what the schema says of the rest.
    // Parsed plainly first: zod takes a slower path when given an error map, needed only to word a failure.
    const plain = schema.safeParse(values);
    const result = plain.success ? plain : schema.safeParse(values, { error: zodErrorMap(lang) });
    if (!result.success || badColumns.size) {
      for (const issue of result.error?.issues ?? []) {
        const column = columnOf(columns, issue.path.map(String));
        if (!badColumns.has(column)) errors.push({ row, column, message: issueMessage(lang, issue.message) });
      }
      return null;
    }
    const key = typeof values.key === 'string' ? values.key : null;
    const data = result.data as Record<string, unknown>;
    data.key = key;
    return { row, id: (key && fileIds.get(key)) || randomUUID(), key, existing: false, values: data };
  };

  return {
    errors,
    headerValid: true,
    /** Validates rows [from, to) of the table; the bad ones add to `errors` and are left out. */
    build(from: number, to: number): ImportRecord[] {
      const out: ImportRecord[] = [];
      for (let i = from; i < Math.min(to, table.rows.length); i++) {
        if (!upfront) {
          const key = keyAt(i);
          if (key) seeKey(key, i + 2);
        }
        const record = buildRow(table.rows[i], i + 2);
        if (record) out.push(record);
      }
      return out;
    },
    /** Records whose key an entity already has take that entity's id, to be updated rather than created. */
    place(records: ImportRecord[], keys: Map<string, string>): ImportRecord[] {
      for (const r of records) {
        const id = r.key ? keys.get(r.key) : undefined;
        if (id) {
          r.id = id;
          r.existing = true;
        }
      }
      return records;
    },
  };
}

function parseCell(column: Column, raw: string, resolve: (t: EntityType, v: string) => string | undefined): { value: unknown } | { error: string } {
  switch (column.kind) {
    case 'number':
    case 'integer': {
      const n = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(n) || (column.kind === 'integer' && !Number.isInteger(n)))
        return { error: column.kind === 'integer' ? 'not_an_integer' : 'not_a_number' };
      return { value: n };
    }
    case 'boolean': {
      const v = raw.toLowerCase();
      if (TRUE.has(v)) return { value: true };
      if (FALSE.has(v)) return { value: false };
      return { error: 'not_a_boolean' };
    }
    case 'list':
      return {
        value: raw
          .split(/[;|；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'ref': {
      const id = resolve(column.refType!, raw);
      return id ? { value: id } : { error: 'unknown_reference' };
    }
    default:
      return { value: raw };
  }
}

function assign(values: Record<string, unknown>, column: Column, value: unknown) {
  if (!column.path) {
    values[column.field] = value;
    return;
  }
  const [outer, inner] = column.path;
  if (!values[outer]) values[outer] = {};
  (values[outer] as Record<string, unknown>)[inner] = value;
}

function columnOf(columns: Column[], path: string[]): string {
  const [field, sub] = path;
  return columns.find((c) => c.field === field && (!c.path || !sub || c.path[1] === sub))?.name ?? (path.join('.') || '—');
}
