import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../platform/audit/audit.tables';
import { makeTestDatabase } from '../test/harness';
import type { Database } from './client';
import { queryRows } from './client';
import { copyEscape, copyRows } from './copy-rows';

describe('copyRows', () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await makeTestDatabase());
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const rows = (action: string) =>
    queryRows<{ actor_label: string; entity_id: string | null; after: unknown; ip: string | null; created_at: Date }>(
      database.db,
      sql`SELECT actor_label, entity_id, "after", ip, created_at FROM audit_log WHERE action = ${action} ORDER BY id`,
    );

  it('writes text with tabs, line ends, backslashes and quotes, nulls, JSON, and defaults for fields no row has', async () => {
    const tricky = 'tab\there\nnew line\r\\ back \\N "quoted" \'single\' 中关村 زون';
    const written = await database.db.transaction((tx) =>
      copyRows(tx, auditLog, [
        { actorLabel: tricky, action: 'copy.test', entityType: 'x', entityId: null, after: { names: { en: 'a\tb', zh: '中关村\n' }, n: 1 }, ip: null },
        { actorLabel: 'plain', action: 'copy.test', entityType: 'x', entityId: 'e2', after: null, ip: '127.0.0.1' },
      ]),
    );
    expect(written).toBe(2);
    const out = await rows('copy.test');
    expect(out.map((r) => r.actor_label)).toEqual([tricky, 'plain']);
    expect(out[0].after).toEqual({ names: { en: 'a\tb', zh: '中关村\n' }, n: 1 });
    expect(out[0].entity_id).toBeNull();
    expect(out[1]).toMatchObject({ entity_id: 'e2', after: null, ip: '127.0.0.1' });
    expect(out[0].created_at).toBeTruthy(); // the column's default
  });

  it('a field some rows lack takes NULL there; a database-computed default cannot be half given', async () => {
    await database.db.transaction((tx) =>
      copyRows(tx, auditLog, [
        { actorLabel: 'a', action: 'copy.partial', entityType: 'x', ip: '10.0.0.1' },
        { actorLabel: 'b', action: 'copy.partial', entityType: 'x' },
      ]),
    );
    expect((await rows('copy.partial')).map((r) => r.ip)).toEqual(['10.0.0.1', null]);
    await expect(
      database.db.transaction((tx) =>
        copyRows(tx, auditLog, [
          { actorLabel: 'a', action: 'copy.half', entityType: 'x', createdAt: new Date() },
          { actorLabel: 'b', action: 'copy.half', entityType: 'x' },
        ]),
      ),
    ).rejects.toThrow(/default the database computes/);
  });

  it('rolls back with the transaction it runs in, thousands of rows at a time', async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => ({ actorLabel: `r${i}`, action: 'copy.rollback', entityType: 'x' }));
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, auditLog, many);
        const [{ n }] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'copy.rollback'`);
        expect(n).toBe(12_345);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await rows('copy.rollback')).toHaveLength(0);
  });

  it('a value that cannot be serialised abandons the COPY, and the connection goes on working', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      database.db.transaction((tx) =>
        copyRows(tx, auditLog, [
          { actorLabel: 'ok', action: 'copy.cycle', entityType: 'x', after: { fine: true } },
          { actorLabel: 'bad', action: 'copy.cycle', entityType: 'x', after: cyclic },
        ]),
      ),
    ).rejects.toThrow(/circular/i);
    expect(await rows('copy.cycle')).toHaveLength(0);
  });

  it('reports a row the database refuses, and leaves nothing behind', async () => {
    await expect(
      database.db.transaction((tx) => copyRows(tx, auditLog, [{ actorLabel: null, action: 'copy.bad', entityType: 'x' }])),
    ).rejects.toThrow();
    expect(await rows('copy.bad')).toHaveLength(0);
  });
});

describe('copyEscape', () => {
  it('escapes exactly what COPY text format needs', () => {
    expect(copyEscape('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyEscape('"quotes" and 中文')).toBe('"quotes" and 中文');
  });
});
