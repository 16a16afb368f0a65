// The seed fund's assignment run through the service, database included (issue 4): `npx tsx bench/review-run.ts [n]`.
// A synthetic call of n accepted applications (default 2,000) × 3 reviewers from n/10 reviewers on embedded PGlite:
// time to load the instance, solve, explain and store every pair, and to read the officer's view back.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/client';
import { users } from '../src/server/platform/accounts/accounts.tables';
import { systemCtx } from '../src/server/platform/context';
import { generateInstance } from '../src/server/modules/funding/assignment/instance';
import { fundingApplications } from '../src/server/modules/funding/applications/applications.tables';
import { assignmentView, runAssignment } from '../src/server/modules/funding/review/assign';
import { reviewAssignments, reviewers } from '../src/server/modules/funding/review/review.tables';
import { makeCall } from '../src/server/modules/funding/review/test-fixtures';
import { enterprises } from '../src/server/modules/registry/registry.tables';
import pino from 'pino';

const n = Number(process.argv[2] ?? 2000);
const m = Math.max(10, Math.round(n / 10));
const database = await openDatabase({});
await database.migrate();
const config = loadConfig({ SEEDBED_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
const ctx = systemCtx(database, config, pino({ level: 'silent' }), 'bench');
const db = database.db;
const inst = generateInstance({ seed: 11, applications: n, reviewers: m });
const [user] = await db
  .insert(users)
  .values({ email: `bench-${randomUUID()}@x.local`, displayName: 'Bench', passwordHash: 'x' })
  .returning();
const { call } = await makeCall(database, { k: 3, loadMin: 0, loadMax: Math.ceil((n * 3 * 1.5) / m) });
for (let i = 0; i < n; i += 1000) {
  const slice = inst.applications.slice(i, i + 1000);
  const ents = await db
    .insert(enterprises)
    .values(slice.map((a) => ({ names: { en: `Synthetic ${a.id}` }, country: 'CN', sector: a.tags[0]?.split('.')[0] ?? null, synthetic: true })))
    .returning({ id: enterprises.id });
  await db.insert(fundingApplications).values(
    slice.map((a, j) => ({
      callId: call.id,
      enterpriseId: ents[j].id,
      applicantId: user.id,
      status: 'accepted' as const,
      answers: { projectTitle: a.title, summary: a.abstract },
      requestedAmount: 200_000,
      currency: 'USD',
      submittedAt: new Date(),
      receiptId: randomUUID(),
      contentHash: 'f'.repeat(64),
    })),
  );
}
await db.insert(reviewers).values(inst.reviewers.map((r) => ({ name: r.name, expertise: r.expertise, tags: r.tags, senior: r.senior, synthetic: true })));
const t0 = performance.now();
const view = await runAssignment(ctx, call.id, {});
const runMs = performance.now() - t0;
const pairs = (await db.select({ id: reviewAssignments.id }).from(reviewAssignments).where(eq(reviewAssignments.status, 'assigned'))).length;
const t1 = performance.now();
await assignmentView(db, call.id);
const viewMs = performance.now() - t1;
console.log(`Seedbed review run bench — ${os.cpus().length} cores, PGlite, synthetic`);
console.log(
  `${n} applications × 3 of ${m} reviewers: run (load, solve, explain, store) ${(runMs / 1000).toFixed(2)} s; pairs stored ${pairs}; optimal ${view.run?.optimal}; gap ${view.run?.gap}`,
);
console.log(`officer's view read back: ${(viewMs / 1000).toFixed(2)} s`);
await database.close();
