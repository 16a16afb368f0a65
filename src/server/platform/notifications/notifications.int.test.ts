import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type Session, type TestApp } from '../../test/harness';
import { auditLog } from '../audit/audit.tables';
import { withTransaction } from '../audit/audit';
import { systemCtx } from '../context';
import { jobs } from '../jobs/jobs.tables';
import { type JobWorker, startJobWorker } from '../jobs/worker';
import { startPlatformWorkers } from '../workers';
import { emailOutbox, notifications } from './notifications.tables';
import { enqueueEmail, notify } from './notify';
import { sweepOutbox } from './outbox-sweep';
import { registerEmailJobs } from './send-email';

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const outboxRow = async (t: TestApp, id: string) => (await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];
const queueMail = (t: TestApp, mail: { to: string; subject: string; bodyText: string }) =>
  withTransaction(systemCtx(t.database, t.config, t.app.log), (tx) => enqueueEmail(tx, mail));

describe('notifications, and the outbox without SMTP', () => {
  let t: TestApp;
  let admin: Session;
  let member: Session;
  let other: Session;

  beforeAll(async () => {
    t = await makeTestApp();
    admin = await t.signIn('admin');
    member = await t.signIn('enterprise_member');
    other = await t.signIn('investor');
  });
  afterAll(() => t.close());

  const send = async (userId: string, kind: string, params: Record<string, unknown> = {}, link: string | null = null) =>
    withTransaction(systemCtx(t.database, t.config, t.app.log), (tx) => notify(tx, userId, kind, params, link));
  const audits = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action));

  it('lists one’s own notifications, rendered in the reader’s language, with the unread count', async () => {
    await send(member.userId, 'roles_changed');
    await new Promise((r) => setTimeout(r, 5));
    await send(member.userId, 'job_succeeded', { type: 'import' }, '/jobs/1');
    await send(other.userId, 'password_changed');

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: member.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, unread: 2 });
    expect(body.items.map((n: { message: string }) => n.message)).toEqual([
      'A background job (import) finished.',
      'Your roles were changed by an administrator.',
    ]);
    expect(body.items[0]).toMatchObject({ kind: 'job_succeeded', link: '/jobs/1', readAt: null, createdAt: expect.any(String) });

    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { ...member.headers, 'accept-language': 'zh-CN' } });
    expect(zh.json().items[1].message).toBe('管理员已更改您的角色。');
    const ur = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?limit=1', headers: { ...member.headers, 'accept-language': 'ur' } });
    expect(ur.json().items).toHaveLength(1);
    expect(ur.json().items[0].message).toBe('پس منظر کا کام (import) مکمل ہو گیا۔');

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('marks one read (audited), hides others’ notifications, then marks all read', async () => {
    const list = (q = '') => t.app.inject({ method: 'GET', url: `/api/v1/notifications${q}`, headers: member.headers }).then((r) => r.json());
    const [first] = (await list()).items;
    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, headers: member.headers });
    expect(read.statusCode).toBe(204);
    const after = await list();
    expect(after.unread).toBe(1);
    expect(after.items[0].readAt).toEqual(expect.any(String));
    expect((await list('?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(first.id);
    expect((await list('?unread=true')).total).toBe(1);
    const [entry] = (await audits('notification.read')).filter((a) => a.entityId === first.id);
    expect(entry).toMatchObject({ actorId: member.userId, entityType: 'notification' });

    // Another user's notification does not exist for me.
    const [theirs] = await t.database.db.select().from(notifications).where(eq(notifications.userId, other.userId));
    const denied = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${theirs.id}/read`, headers: member.headers });
    expect(denied.statusCode).toBe(404);
    expect((await t.database.db.select().from(notifications).where(eq(notifications.id, theirs.id)))[0].readAt).toBeNull();

    // Without the CSRF token a cookie-authenticated write is refused.
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie: member.cookie } });
    expect(noCsrf.statusCode).toBe(403);

    const all = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: member.headers });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ updated: 1 });
    expect((await list()).unread).toBe(0);
    const readAll = (await audits('notification.read_all')).filter((a) => a.actorId === member.userId);
    expect(readAll).toHaveLength(1);
    expect(readAll[0].after).toEqual({ count: 1 });
    // Nothing left to mark: no change, no audit entry.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: member.headers })).json()).toEqual({ updated: 0 });
  });

  it('holds mail for an admin to read when no SMTP server is configured', async () => {
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: 'enterprise_member@test.seedbed.local' },
    });
    expect(reset.statusCode).toBe(202);
    const [row] = await t.database.db.select().from(emailOutbox);
    expect(row).toMatchObject({ status: 'pending', toAddress: 'enterprise_member@test.seedbed.local' });
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.type, 'email.send'));
    expect(job.payload).toEqual({ outboxId: row.id });

    const workers = startPlatformWorkers({ database: t.database, config: t.config, log: t.app.log, pollMs: 10 });
    try {
      await waitFor(async () => (await outboxRow(t, row.id)).status === 'held');
    } finally {
      await workers.stop();
    }
    // The send job or the start-up sweep held it, whichever came first; the job ends either way.
    await waitFor(async () => (await t.database.db.select().from(jobs).where(eq(jobs.id, job.id)))[0].status === 'succeeded');

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/email-outbox?status=held', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: row.id, status: 'held', subject: 'Reset your Seedbed password', attempts: 0, sentAt: null, lastError: null });
    expect(body.items[0].bodyText).toContain('/reset-password?token=');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/email-outbox?status=sent', headers: admin.headers })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/email-outbox', headers: member.headers })).statusCode).toBe(403);
  });

  it('the sweep holds pending rows that have no send job', async () => {
    const [row] = await t.database.db.insert(emailOutbox).values({ toAddress: 'a@b.c', subject: 's', bodyText: 'b' }).returning();
    expect(await sweepOutbox({ database: t.database, config: t.config, log: t.app.log })).toEqual({ held: 1, requeued: 0 });
    expect((await outboxRow(t, row.id)).status).toBe('held');
  });
});

type Received = { from: string; to: string[]; data: string };

/** A real SMTP server on 127.0.0.1; `reject` lets a test refuse recipients with a given reply code. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { reject: [] as number[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = state.reject.shift();
      if (code) return callback(Object.assign(new Error(`${code} mailbox says no to ${address.address}`), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('e-mail outbox through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let worker: JobWorker;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await makeTestApp({ smtpUrl: smtp.url, smtpFrom: 'Seedbed <no-reply@seedbed.test>' });
    registerEmailJobs();
    worker = startJobWorker({ database: t.database, config: t.config, log: t.app.log, pollMs: 10, backoffMs: 20, types: ['email.send'] });
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
    await smtp.close();
  });

  it('sends pending mail and marks it sent', async () => {
    const id = await queueMail(t, { to: 'founder@example.org', subject: 'Ihr Antrag — 申请 — درخواست', bodyText: 'Hello,\nyour application was received.' });
    const sent = await waitFor(async () => {
      const r = await outboxRow(t, id);
      return r.status === 'sent' && r;
    });
    expect(sent).toMatchObject({ attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('no-reply@seedbed.test');
    expect(mail.to).toEqual(['founder@example.org']);
    expect(mail.data).toMatch(/^Subject: =\?UTF-8\?/m); // non-ASCII subject, MIME-encoded
    expect(mail.data).toContain('your application was received.');
  });

  it('retries a temporary SMTP failure (4xx) and then delivers', async () => {
    smtp.state.reject = [451];
    const before = smtp.received.length;
    const id = await queueMail(t, { to: 'retry@example.org', subject: 'Retry', bodyText: 'second time lucky' });
    const sent = await waitFor(async () => {
      const r = await outboxRow(t, id);
      return r.status === 'sent' && r;
    });
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toBeNull();
    expect(smtp.received.length).toBe(before + 1);
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.type, 'email.send'), eq(jobs.status, 'succeeded')));
    expect(job).toBeDefined();
  });

  it('gives up at once on a permanent failure (5xx), and after the last attempt on temporary ones', async () => {
    smtp.state.reject = [550];
    const id = await queueMail(t, { to: 'nobody@example.org', subject: 'Bounce', bodyText: 'x' });
    const failed = await waitFor(async () => {
      const r = await outboxRow(t, id);
      return r.status === 'failed' && r;
    });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550/);

    smtp.state.reject = [421, 421];
    const id2 = await withTransaction(systemCtx(t.database, t.config, t.app.log), (tx) =>
      enqueueEmail(tx, { to: 'flaky@example.org', subject: 'Flaky', bodyText: 'y' }, { maxAttempts: 2 }),
    );
    const failed2 = await waitFor(async () => {
      const r = await outboxRow(t, id2);
      return r.status === 'failed' && r;
    });
    expect(failed2.attempts).toBe(2);
    expect(failed2.lastError).toMatch(/421/);
  });

  it('the sweep gives an orphaned pending row a send job', async () => {
    const [row] = await t.database.db
      .insert(emailOutbox)
      .values({ toAddress: 'orphan@example.org', subject: 'Orphan', bodyText: 'z', createdAt: new Date(Date.now() - 5 * 60_000) })
      .returning();
    expect(await sweepOutbox({ database: t.database, config: t.config, log: t.app.log })).toEqual({ held: 0, requeued: 1 });
    await waitFor(async () => (await outboxRow(t, row.id)).status === 'sent');
    // Its job exists now (and ran): a second sweep finds nothing to do.
    expect(await sweepOutbox({ database: t.database, config: t.config, log: t.app.log })).toEqual({ held: 0, requeued: 0 });
  });
});
