import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client';
import { runNextJob } from '../../../platform/jobs/worker';
import { makeTestApp, multipartFile, type Session, type TestApp } from '../../../test/harness';
import { INDEX_JOB, registerRegistryJobs } from '../index-job';

/** Imports past the inline limit: rows and audit entries commit, search entries follow by jobs. */
describe('large imports', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await makeTestApp({ importInlineIndexMax: 3 });
    admin = await t.signIn('admin');
    registerRegistryJobs();
  });
  afterAll(() => t.close());

  const upload = (file: string, lang = 'en') => {
    const mp = multipartFile('enterprises.csv', Buffer.from(file));
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/enterprise?dryRun=false',
      headers: { ...admin.headers, ...mp.headers, 'accept-language': lang },
      payload: mp.payload,
    });
  };
  const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.database.db, query))[0].n;
  const search = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json().items;

  it('commits rows and audit entries, then the queued jobs make them searchable', async () => {
    const lines = ['key,name_en,name_zh,country,sector,employees'];
    for (let i = 0; i < 10; i++) lines.push(`big:${i},Quokka Optics ${i},袋鼠光学${i},CN,electronic_information,${10 + i}`);
    const res = await upload(`${lines.join('\n')}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 10, indexing: 'queued' });
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE key LIKE 'big:%'`)).toBe(10);
    const audit = await queryRows<{ after: { key: string; names: { zh: string }; stage: string } }>(
      t.database.db,
      sql`SELECT "after" FROM audit_log WHERE action = 'enterprise.import_create' ORDER BY entity_id`,
    );
    expect(audit).toHaveLength(10);
    expect(audit[0].after).toMatchObject({ names: { zh: expect.stringMatching(/^袋鼠光学/) }, stage: 'registered' });
    expect(await search('Quokka')).toHaveLength(0); // not yet: the jobs have not run

    const env = { database: t.database, config: t.config, log: pino({ level: 'silent' }), types: [INDEX_JOB] };
    let jobs = 0;
    while (await runNextJob(env)) jobs++;
    expect(jobs).toBe(1);
    expect((await search('Quokka')).length).toBe(10);
    expect((await search('袋鼠光学'))[0].names.en).toMatch(/^Quokka Optics/);
  });

  it('a bad row after thousands of good ones rolls every one of them back', async () => {
    const lines = ['key,name_en,country,employees'];
    for (let i = 0; i < 5200; i++) lines.push(`late:${i},Late Row ${i},PK,${i}`);
    lines.push('late:bad,Broken Row,PK,many');
    const before = await count(sql`SELECT count(*)::int AS n FROM audit_log`);
    const res = await upload(`${lines.join('\n')}\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'import_invalid', details: [{ path: 'rows.5202.employees' }] });
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE key LIKE 'late:%'`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log`)).toBe(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM jobs WHERE type = ${INDEX_JOB} AND status = 'queued'`)).toBe(0);
  });

  it('over several ranges: updates the rows whose keys exist, creates the rest, and finds a key repeated far apart', async () => {
    const first = ['key,name_en,country,employees'];
    for (let i = 0; i < 30; i++) first.push(`upd:${i * 300},First Name ${i},CN,1`);
    expect((await upload(`${first.join('\n')}\n`)).statusCode).toBe(200);
    const lines = ['key,name_en,country,employees'];
    for (let i = 0; i < 9000; i++) lines.push(`upd:${i},Second Name ${i},CN,${i}`);
    const res = await upload(`${lines.join('\n')}\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 9000 - 30, updated: 30 });
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE key LIKE 'upd:%'`)).toBe(9000);
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE key = 'upd:8700' AND names->>'en' = 'Second Name 8700' AND employees = 8700`)).toBe(
      1,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'enterprise.import_update' AND entity_id IN (SELECT id::text FROM enterprises WHERE key LIKE 'upd:%')`,
      ),
    ).toBe(30);

    const repeated = ['key,name_en,country'];
    for (let i = 0; i < 7000; i++) repeated.push(`rep:${i},Repeat ${i},PK`);
    repeated.push('rep:12,Repeat again,PK');
    const bad = await upload(`${repeated.join('\n')}\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toEqual([{ path: 'rows.7002.key', message: expect.stringMatching(/14/) }]);
    expect(await count(sql`SELECT count(*)::int AS n FROM enterprises WHERE key LIKE 'rep:%'`)).toBe(0);
  });

  it('a zone named in a row is looked up among zones, not among the keys of the file', async () => {
    const res = await upload('key,name_en,country,host_zone\nsame:1,Own Key,CN,\nsame:2,Points At It,CN,same:1\n');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([{ path: 'rows.3.host_zone', message: expect.stringMatching(/same:1/) }]);
  });

  it('says where a CSV stops being readable, in the reader’s language', async () => {
    const res = await upload('key,name_en,country\nq:1,Fine,CN\nq:2,"Never closed,CN\nq:3,Other,PK\n', 'zh-CN');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'import_unreadable' });
    expect(res.json().error.message).toMatch(/第 3 行/);
  });
});
