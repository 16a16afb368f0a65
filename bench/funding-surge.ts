// Deadline surge of the seed fund (issue 4), written to bench/results/funding-surge.json: on a throwaway PostgreSQL 15,
// BENCH_APPLICANTS (default 2,000) applicants, each with a saved draft, submit in the last minute before the call closes,
// through the HTTP API over loopback, against the real server in its own process. Some double-click (two submits at
// once) and some retry after a client timeout (the first request abandoned mid-flight, then sent again): every repeat
// must get the same receipt. Reported: throughput, p50/p99 latency, and lost and duplicated submissions (both must be 0).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { apiTokens, userRoles, users } from '../src/server/platform/accounts/accounts.tables';
import { randomToken, sha256 } from '../src/server/platform/accounts/secrets';
import { API_TOKEN_PREFIX } from '../src/server/platform/accounts/sessions';
import { fundingApplications } from '../src/server/modules/funding/applications/applications.tables';
import { eligibleAnswers, fixtureCall } from '../src/server/modules/funding/calls/call-fixtures';
import { enterprises } from '../src/server/modules/registry/registry.tables';
import { findPostgresBin, startThrowawayPostgres } from '../src/server/test/postgres-server';
import { startServerProcess } from '../src/server/test/server-process';

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 2000);
/** Scenarios: arrivals spread over this many seconds from when a minute is left (0: all at once, the worst case). */
const SPREADS_S = (process.env.BENCH_SURGE_SPREAD_S ?? '0,50').split(',').map(Number);
const DOUBLE_CLICK = 0.1;
const TIMEOUT_RETRY = 0.1;

type Row = { scenario?: string; figure: string; value: number; unit: string; target?: string; pass?: boolean };

export async function fundingSurgeBench(log: (line: string) => void = console.log): Promise<Row[]> {
  const bin = findPostgresBin();
  if (!bin) {
    console.warn('!! PostgreSQL 15 not found: the funding surge bench was NOT run (apt-get install postgresql-15).');
    return [];
  }
  // Node's fetch (undici) opens as many sockets per origin as there are requests in flight: 2,000 at once.
  const pg = await startThrowawayPostgres(bin, { settings: { max_connections: '200' } });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seedbed-surge-'));
  const server = await startServerProcess({
    DATABASE_URL: pg.url,
    SEEDBED_DATA_DIR: dataDir,
    SEEDBED_DEMO: 'off',
    SEEDBED_JOBS: 'off',
    SEEDBED_DB_POOL: process.env.SEEDBED_DB_POOL ?? '20',
    LOG_LEVEL: 'warn',
  });
  const database = await openDatabase({ url: pg.url });
  const rows: Row[] = [];
  try {
    // ── Setup (not measured as the surge): officer, program, call; applicants with enterprises, tokens and drafts.
    const db = database.db;
    let userNo = 0;
    const mkUser = async (role: string, scope: string | null) => {
      const n = userNo++;
      const [u] = await db
        .insert(users)
        .values({ email: `surge-${role}-${n}@bench.seedbed.local`, displayName: `Surge ${role} ${n}`, passwordHash: 'x' })
        .returning();
      await db.insert(userRoles).values({ userId: u.id, role, scopeType: scope ? 'enterprise' : null, scopeId: scope });
      const token = `${API_TOKEN_PREFIX}${randomToken()}`;
      await db.insert(apiTokens).values({ userId: u.id, name: 'surge', tokenHash: sha256(token), prefix: token.slice(0, 10) });
      return { userId: u.id, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
    };
    const officer = await mkUser('program_officer', null);
    const api = async (method: string, url: string, headers: Record<string, string>, body?: unknown) => {
      const res = await fetch(`${server.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json().catch(() => null);
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const program = await api('POST', '/api/v1/funding/programs', officer.headers, { names: { en: 'Innofund (bench)' } });
    for (const spread of SPREADS_S) {
      const scenario = spread === 0 ? 'all at once' : `arrivals over ${spread} s`;
      log(`scenario: ${scenario}`);
      for (const r of await surgeScenario(spread)) rows.push({ scenario, ...r });
    }
    return rows;

    async function surgeScenario(SPREAD_S: number): Promise<Row[]> {
      const rows: Row[] = [];
      const t0 = performance.now();
      const setupSeconds = 60 + APPLICANTS / 40; // drafts are made through the API too
      const closesAt = new Date(Date.now() + (setupSeconds + 70) * 1000);
      const input = fixtureCall(program.id, { opensAt: new Date(Date.now() - 86_400_000), closesAt, key: `surge-${SPREAD_S}` });
      // The surge is about submitting: no required file field (attachments are their own test).
      input.form = { sections: input.form.sections.filter((s) => s.key !== 'documents') };
      const call = await api('POST', '/api/v1/funding/calls', officer.headers, input);
      await api('POST', `/api/v1/funding/calls/${call.id}/status`, officer.headers, { status: 'open' });

      const ents = await db
        .insert(enterprises)
        .values(
          Array.from({ length: APPLICANTS }, (_, i) => ({
            names: { en: `Surge Enterprise ${SPREAD_S}-${i}` },
            country: 'CN',
            sector: 'new_materials',
            employees: 50 + (i % 400),
            technicalStaff: 30 + (i % 100),
            domesticOwnershipPct: 75,
            synthetic: true,
          })),
        )
        .returning({ id: enterprises.id });
      const applicants: { userId: string; headers: Record<string, string>; appId: string; enterpriseId: string }[] = [];
      for (let i = 0; i < APPLICANTS; i++) applicants.push({ ...(await mkUser('enterprise_member', ents[i].id)), appId: '', enterpriseId: ents[i].id });
      let next = 0;
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (next < applicants.length) {
            const a = applicants[next++];
            const draft = await api(
              'POST',
              '/api/v1/funding/applications',
              { ...a.headers, 'idempotency-key': `draft-${a.enterpriseId}` },
              { callId: call.id, enterpriseId: a.enterpriseId },
            );
            a.appId = draft.id;
            await api('PUT', `/api/v1/funding/applications/${a.appId}/draft`, a.headers, {
              answers: eligibleAnswers(),
              instrument: 'grant',
              requestedAmount: 150_000 + (next % 100) * 1000,
            });
          }
        }),
      );
      log(`setup: ${APPLICANTS} applicants with drafts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      // ── Wait for the last minute.
      const surgeAt = closesAt.getTime() - 60_000;
      const wait = surgeAt - Date.now();
      if (wait < 0) throw new Error(`setup overran the last minute by ${-wait} ms: raise setupSeconds`);
      log(`waiting ${(wait / 1000).toFixed(1)} s for the last minute before the deadline…`);
      await new Promise((r) => setTimeout(r, wait));

      // ── The surge.
      const latencies: number[] = [];
      const outcomes = new Map<string, { statuses: number[]; receipts: Set<string> }>();
      let errors = 0;
      let abandoned = 0;
      const submit = async (a: (typeof applicants)[number], abortAfterMs?: number) => {
        const started = performance.now();
        const controller = new AbortController();
        const timer = abortAfterMs === undefined ? null : setTimeout(() => controller.abort(), abortAfterMs);
        try {
          const res = await fetch(`${server.url}/api/v1/funding/applications/${a.appId}/submit`, {
            method: 'POST',
            headers: { authorization: a.headers.authorization, 'idempotency-key': `submit-${a.appId}` },
            signal: controller.signal,
          });
          const body = (await res.json()) as { receipt?: { receiptId: string } };
          latencies.push(performance.now() - started);
          const o = outcomes.get(a.appId) ?? { statuses: [], receipts: new Set<string>() };
          o.statuses.push(res.status);
          if (body.receipt) o.receipts.add(body.receipt.receiptId);
          outcomes.set(a.appId, o);
          if (res.status !== 200 && res.status !== 201) errors++;
        } catch (e) {
          if ((e as Error).name !== 'AbortError') throw e;
          abandoned++; // the client gave up; the server may still have submitted it
        } finally {
          if (timer) clearTimeout(timer);
        }
      };
      let doubles = 0;
      let retries = 0;
      const start = performance.now();
      await Promise.all(
        applicants.map(async (a, i) => {
          await new Promise((r) => setTimeout(r, ((i * 7919) % APPLICANTS) * ((SPREAD_S * 1000) / APPLICANTS)));
          const kind = i % 10 < DOUBLE_CLICK * 10 ? 'double' : i % 10 < (DOUBLE_CLICK + TIMEOUT_RETRY) * 10 ? 'retry' : 'once';
          if (kind === 'double') {
            doubles++;
            await Promise.all([submit(a), submit(a)]);
          } else if (kind === 'retry') {
            retries++;
            await submit(a, 2); // gives up after 2 ms…
            await submit(a); // …and tries again
          } else {
            await submit(a);
          }
        }),
      );
      const seconds = (performance.now() - start) / 1000;
      const leftBeforeDeadline = (closesAt.getTime() - Date.now()) / 1000;

      // ── Count: every applicant must have exactly one submitted application, and every answer one receipt.
      const counted = await db.execute<{ enterprise_id: string; n: number; receipts: number }>(
        sql`select enterprise_id, count(*)::int as n, count(distinct receipt_id)::int as receipts from ${fundingApplications}
          where call_id = ${call.id} and status = 'submitted' group by enterprise_id`,
      );
      const submittedRows =
        (counted as unknown as { rows?: { enterprise_id: string; n: number; receipts: number }[] }).rows ??
        (counted as never as { enterprise_id: string; n: number }[]);
      const byEnterprise = new Map(submittedRows.map((r) => [r.enterprise_id, r.n]));
      const audits = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from audit_log a join funding_applications f on f.id::text = a.entity_id::text where a.action = 'funding.application.submit' and f.call_id = ${call.id}`,
      );
      const auditCount = ((audits as unknown as { rows?: { n: number }[] }).rows ?? (audits as never as { n: number }[]))[0].n;
      let lost = 0;
      let duplicated = 0;
      let receiptMismatch = 0;
      for (const a of applicants) {
        const n = byEnterprise.get(a.enterpriseId) ?? 0;
        if (n === 0) lost++;
        if (n > 1) duplicated += n - 1;
        // A receipt without a submission is lost too (n === 0 covers it); two receipts for one application are not idempotent.
        if ((outcomes.get(a.appId)?.receipts.size ?? 0) > 1) receiptMismatch++;
      }
      duplicated += Math.max(0, auditCount - APPLICANTS);
      latencies.sort((x, y) => x - y);
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
      const requests = latencies.length + abandoned;

      // A late submission is refused with the deadline message (sanity check of the server clock).
      const late = applicants[0];
      const [extra] = await db
        .insert(fundingApplications)
        .values({
          callId: call.id,
          enterpriseId: late.enterpriseId,
          applicantId: late.userId,
          currency: 'USD',
          answers: eligibleAnswers(),
          instrument: 'grant',
          requestedAmount: 150_000,
        })
        .returning({ id: fundingApplications.id });
      await new Promise((r) => setTimeout(r, Math.max(0, closesAt.getTime() - Date.now() + 50)));
      const lateRes = await fetch(`${server.url}/api/v1/funding/applications/${extra.id}/submit`, {
        method: 'POST',
        headers: { authorization: late.headers.authorization },
      });

      rows.push(
        { figure: 'applicants submitting in the last minute', value: APPLICANTS, unit: 'count' },
        { figure: 'of which double-clicked (two submits at once)', value: doubles, unit: 'count' },
        { figure: 'of which retried after a client timeout', value: retries, unit: 'count' },
        { figure: 'submit requests sent', value: requests, unit: 'count' },
        { figure: 'requests abandoned by the client (timeouts)', value: abandoned, unit: 'count' },
        { figure: 'surge duration', value: seconds, unit: 's' },
        { figure: 'seconds left before the deadline at the end', value: leftBeforeDeadline, unit: 's', target: '> 0', pass: leftBeforeDeadline > 0 },
        { figure: 'throughput', value: latencies.length / seconds, unit: 'req/s' },
        { figure: 'latency p50', value: pct(50), unit: 'ms' },
        { figure: 'latency p99', value: pct(99), unit: 'ms' },
        { figure: 'latency max', value: latencies[latencies.length - 1], unit: 'ms' },
        { figure: 'answers other than 200/201', value: errors, unit: 'count', target: '0', pass: errors === 0 },
        { figure: 'lost submissions', value: lost, unit: 'count', target: '0', pass: lost === 0 },
        { figure: 'duplicated submissions', value: duplicated, unit: 'count', target: '0', pass: duplicated === 0 },
        { figure: 'applicants given two different receipts', value: receiptMismatch, unit: 'count', target: '0', pass: receiptMismatch === 0 },
        { figure: 'a submission after the deadline answers 409', value: lateRes.status, unit: 'status', target: '409', pass: lateRes.status === 409 },
      );
      return rows;
    }
  } finally {
    await database.close();
    await server.stop();
    pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatSurgeRows(rows: Row[]): string {
  return rows
    .map((r) => {
      const v = r.unit === 'count' || r.unit === 'status' ? r.value.toFixed(0) : r.value.toFixed(1);
      return `${(r.scenario ?? '').padEnd(22)} ${r.figure.padEnd(48)} ${v.padStart(10)}  ${r.unit.padEnd(7)} ${r.target ? `${r.target.padEnd(6)} ${r.pass ? 'ok' : 'FAIL'}` : ''}`;
    })
    .join('\n');
}

export async function runFundingSurge() {
  const rows = await fundingSurgeBench();
  if (!rows.length) return;
  console.log(`\nSeedbed seed-fund deadline surge — PostgreSQL 15, loopback HTTP, ${os.cpus().length} cores, Node ${process.version}\n`);
  console.log(formatSurgeRows(rows));
  const out = path.join(import.meta.dirname, 'results', 'funding-surge.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), applicants: APPLICANTS, cores: os.cpus().length, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}
