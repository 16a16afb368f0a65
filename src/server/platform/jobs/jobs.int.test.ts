import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Session, type TestApp, testDbKind } from '../../test/harness';
import { auditLog } from '../audit/audit.tables';
import { withTransaction } from '../audit/audit';
import { systemCtx } from '../context';
import { enqueueJob, type NewJob } from './enqueue-job';
import { jobs } from './jobs.tables';
import { registerJobHandler, unregisterJobHandler } from './registry';
import { type JobWorker, type JobWorkerOptions, requeueExpiredJobs, runNextJob, startJobWorker } from './worker';

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('job runner', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let other: Session;
  const workers: JobWorker[] = [];
  const types: string[] = [];

  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    member = await t.signIn('enterprise_member');
    other = await t.signIn('investor');
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    for (const type of types.splice(0)) unregisterJobHandler(type);
  });
  afterAll(() => t.close());

  const handle = (type: string, handler: Parameters<typeof registerJobHandler>[1]) => {
    registerJobHandler(type, handler);
    types.push(type);
  };
  const opts = (extra: Partial<JobWorkerOptions> = {}): JobWorkerOptions => ({
    database: t.database,
    config: t.config,
    log: t.app.log,
    pollMs: 10,
    backoffMs: 20,
    ...extra,
  });
  const worker = (extra: Partial<JobWorkerOptions> = {}) => {
    const w = startJobWorker(opts(extra));
    workers.push(w);
    return w;
  };
  const enqueue = (job: NewJob) => enqueueJob(t.database.db, job);
  const row = async (id: string) => (await t.database.db.select().from(jobs).where(eq(jobs.id, id)))[0];
  const auditsOf = (action: string, entityId: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

  it('runs each job exactly once when two workers poll the same table', async () => {
    const seen = new Map<string, string[]>();
    handle('test.once', async (job, _p, env) => {
      seen.set(job.id, [...(seen.get(job.id) ?? []), env.workerId]);
      await new Promise((r) => setTimeout(r, 3));
      return { n: (job.payload as { n: number }).n };
    });
    const ids: string[] = [];
    for (let n = 0; n < 30; n++) ids.push(await enqueue({ type: 'test.once', payload: { n } }));
    worker({ workerId: 'w1', types: ['test.once'] });
    worker({ workerId: 'w2', types: ['test.once'] });
    await waitFor(async () => {
      const [{ n }] = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(and(eq(jobs.type, 'test.once'), eq(jobs.status, 'succeeded')));
      return n === ids.length;
    });
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
    for (const [, by] of seen) expect(by).toHaveLength(1);
    const byWorker = [...seen.values()].flat();
    expect(byWorker.filter((w) => w === 'w1').length).toBeGreaterThan(0);
    expect(byWorker.filter((w) => w === 'w2').length).toBeGreaterThan(0);
    const done = await row(ids[7]);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, result: { n: 7 }, lockedBy: null, lockedUntil: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it.runIf(testDbKind() === 'postgres')('skips a job another transaction holds locked instead of waiting for it (SKIP LOCKED)', async () => {
    handle('test.skip', async (job) => job.id);
    const first = await enqueue({ type: 'test.skip', runAt: new Date(Date.now() - 60_000) });
    const second = await enqueue({ type: 'test.skip' });
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select id from jobs where id = ${first} for update`);
      // runNextJob uses another pooled connection: it must pass over the locked row, not block on it.
      expect(await runNextJob(opts({ types: ['test.skip'] }))).toBe(true);
      expect((await row(second)).status).toBe('succeeded');
    });
    expect((await row(first)).status).toBe('queued');
  });

  it('retries with exponential backoff, then fails and tells the creator', async () => {
    const calls: number[] = [];
    handle('test.flaky', async () => {
      calls.push(Date.now());
      throw new Error(`boom ${calls.length}`);
    });
    const id = await enqueue({ type: 'test.flaky', maxAttempts: 3, createdBy: member.userId });
    worker({ types: ['test.flaky'], backoffMs: 40 });
    const failed = await waitFor(async () => {
      const r = await row(id);
      return r.status === 'failed' && r;
    });
    expect(calls).toHaveLength(3);
    expect(failed).toMatchObject({ attempts: 3, lastError: 'boom 3', lockedBy: null });
    // Backoff doubles: ~40 ms then ~80 ms (±20% jitter).
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(30);
    expect(calls[2] - calls[1]).toBeGreaterThanOrEqual(62);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: member.headers });
    const note = res.json().items.find((n: { kind: string }) => n.kind === 'job_failed');
    expect(note.message).toBe('A background job (test.flaky) failed: boom 3');
    expect(note.link).toBe(`/jobs/${id}`);
  });

  it('succeeds on a later attempt after transient failures', async () => {
    let n = 0;
    handle('test.recovers', async () => {
      n += 1;
      if (n < 3) throw new Error('not yet');
      return { ok: true };
    });
    const id = await enqueue({ type: 'test.recovers', maxAttempts: 5 });
    worker({ types: ['test.recovers'] });
    const done = await waitFor(async () => {
      const r = await row(id);
      return r.status === 'succeeded' && r;
    });
    expect(done).toMatchObject({ attempts: 3, result: { ok: true }, lastError: 'not yet' });
  });

  it('re-queues a job whose worker died (lease expired) and runs it; fails one with no attempts left', async () => {
    handle('test.orphan', async () => 'recovered');
    const past = new Date(Date.now() - 60_000);
    const [orphan] = await t.database.db
      .insert(jobs)
      .values({ type: 'test.orphan', status: 'running', attempts: 1, maxAttempts: 3, lockedBy: 'dead-worker', lockedUntil: past })
      .returning();
    const [spent] = await t.database.db
      .insert(jobs)
      .values({ type: 'test.orphan', status: 'running', attempts: 3, maxAttempts: 3, lockedBy: 'dead-worker', lockedUntil: past })
      .returning();
    const [alive] = await t.database.db
      .insert(jobs)
      .values({ type: 'test.orphan', status: 'running', attempts: 1, lockedBy: 'live-worker', lockedUntil: new Date(Date.now() + 600_000) })
      .returning();

    worker({ types: ['test.orphan'] });
    const done = await waitFor(async () => {
      const r = await row(orphan.id);
      return r.status === 'succeeded' && r;
    });
    expect(done).toMatchObject({ attempts: 2, result: 'recovered' });
    expect(done.lastError).toMatch(/lease expired/);
    expect(await row(spent.id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await row(alive.id)).toMatchObject({ status: 'running', lockedBy: 'live-worker' });
    expect(await requeueExpiredJobs({ database: t.database, log: t.app.log })).toEqual({ requeued: 0, failed: 0 });
  });

  it('shows progress through the API while the job runs, to its creator and admins only', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    handle('test.progress', async (_job, progress) => {
      await progress(1, 3, 'first step');
      await gate;
      await progress(3);
      return { rows: 3 };
    });
    const id = await enqueue({ type: 'test.progress', createdBy: member.userId });
    worker({ types: ['test.progress'] });
    const seen = await waitFor(async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: member.headers });
      const job = res.json();
      return job.progressDone === 1 && job;
    });
    expect(seen).toMatchObject({ status: 'running', progressDone: 1, progressTotal: 3, progressMessage: 'first step', attempts: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: admin.headers })).statusCode).toBe(200);
    release();
    const done = await waitFor(async () => {
      const job = (await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: member.headers })).json();
      return job.status === 'succeeded' && job;
    });
    expect(done).toMatchObject({ progressDone: 3, progressTotal: 3, progressMessage: 'first step', result: { rows: 3 } });
    expect(done.finishedAt).toEqual(expect.any(String));
  });

  it('lists jobs for admins with filters', async () => {
    await enqueue({ type: 'test.listed' });
    await enqueue({ type: 'test.listed' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/jobs?type=test.listed&status=queued&limit=1', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(Object.keys(body.items[0])).toEqual(
      expect.arrayContaining([
        'id',
        'type',
        'status',
        'attempts',
        'maxAttempts',
        'progressDone',
        'progressTotal',
        'progressMessage',
        'lastError',
        'result',
        'createdAt',
        'finishedAt',
      ]),
    );
    expect(body.items[0]).not.toHaveProperty('payload');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: member.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/jobs?status=bogus', headers: admin.headers })).statusCode).toBe(400);
  });

  it('retries and cancels through the API, each audited; refuses what does not apply', async () => {
    handle('test.manage', async () => {
      throw new Error('always');
    });
    const id = await enqueue({ type: 'test.manage', maxAttempts: 1 });
    await runNextJob(opts({ types: ['test.manage'] }));
    expect((await row(id)).status).toBe('failed');

    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/retry`, headers: admin.headers });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'queued', attempts: 0, finishedAt: null, lastError: 'always' });
    const [retryAudit] = await auditsOf('job.retry', id);
    expect(retryAudit).toMatchObject({ actorId: admin.userId, before: { status: 'failed', attempts: 1 }, after: { status: 'queued', attempts: 0 } });

    const again = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/retry`, headers: admin.headers });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'job_not_retryable', message: 'Only failed or cancelled jobs can be retried.' });

    const cancel = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, headers: admin.headers });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect(await auditsOf('job.cancel', id)).toHaveLength(1);
    expect(await runNextJob(opts({ types: ['test.manage'] }))).toBe(false); // a cancelled job is not claimed

    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, headers: { ...admin.headers, 'accept-language': 'zh' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'job_not_cancellable', message: '只有排队中或运行中的任务可以取消。' });

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/retry`, headers: member.headers })).statusCode).toBe(403);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${missing}/retry`, headers: admin.headers })).statusCode).toBe(404);
  });

  it('cancelling a running job aborts its handler and discards its outcome', async () => {
    let aborted = false;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    handle('test.cancel-running', async (_job, progress, env) => {
      started();
      await new Promise<void>((resolve) => env.signal.addEventListener('abort', () => resolve()));
      aborted = true;
      await progress(1); // throws JobLostError: the job is no longer ours
      return 'should not be stored';
    });
    const id = await enqueue({ type: 'test.cancel-running' });
    worker({ types: ['test.cancel-running'], leaseMs: 150 }); // heartbeat every 50 ms
    await running;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    await waitFor(async () => aborted);
    await new Promise((r) => setTimeout(r, 50));
    expect(await row(id)).toMatchObject({ status: 'cancelled', result: null, lockedBy: null });
  });

  it('audits a job created on behalf of a user, in the same transaction as the work', async () => {
    const ctx = {
      ...systemCtx(t.database, t.config, t.app.log),
      actor: { ...systemCtx(t.database, t.config, t.app.log).actor!, via: 'session' as const, userId: member.userId, email: 'x@y' },
    };
    const id = await withTransaction(ctx, (tx, audit) => enqueueJob(tx, { type: 'test.audited', createdBy: member.userId }, audit));
    const [entry] = await auditsOf('job.create', id);
    expect(entry).toMatchObject({ actorId: member.userId, entityType: 'job', after: { type: 'test.audited', maxAttempts: 5 } });

    // The job is part of the caller's transaction: rolled back with it.
    await expect(
      withTransaction(ctx, async (tx, audit) => {
        await enqueueJob(tx, { type: 'test.rolled-back' }, audit);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.database.db.select().from(jobs).where(eq(jobs.type, 'test.rolled-back'))).toHaveLength(0);
  });

  it('stop() waits for the job in hand', async () => {
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    handle('test.slow', async () => {
      started();
      await new Promise((r) => setTimeout(r, 100));
      finished = true;
      return null;
    });
    const id = await enqueue({ type: 'test.slow' });
    const w = startJobWorker(opts({ types: ['test.slow'] }));
    await running;
    await w.stop();
    expect(finished).toBe(true);
    expect((await row(id)).status).toBe('succeeded');
  });
});
