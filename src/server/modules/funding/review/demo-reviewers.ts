import { eq, inArray } from 'drizzle-orm';
import { demoEmail } from '../../../platform/accounts/demo-accounts';
import { users } from '../../../platform/accounts/accounts.tables';
import type { Ctx } from '../../../platform/context';
import { affiliations, people } from '../../registry/registry.tables';
import { createReviewer } from './reviewers';
import { reviewers } from './review.tables';

/**
 * The demo reviewer pool, so a first start shows a working pool: the demo reviewer account, and experts of
 * the reference data (people whose public role the seeds describe). Their expertise text is their public
 * role as the seeds state it; the taxonomy tags and seniority are chosen for the demo. Every entry is
 * marked synthetic: nobody named here is a reviewer of any real program.
 */
const FROM_REGISTRY: { key: string; tags: string[]; senior: boolean }[] = [
  { key: 'person:wang-zhonglin', tags: ['new_energy', 'new_materials'], senior: true },
  { key: 'person:chen-wen', tags: ['new_materials'], senior: true },
  { key: 'person:zhou-jiang', tags: ['new_materials', 'advanced_manufacturing'], senior: false },
  { key: 'person:tassaduq-hussain', tags: ['electronic_information'], senior: true },
  { key: 'person:arabella-bhutto', tags: ['hightech_services'], senior: true },
  { key: 'person:bi-lianliang', tags: ['hightech_services'], senior: false },
  { key: 'person:li-yan', tags: ['hightech_services'], senior: false },
];

export async function ensureDemoReviewers(ctx: Ctx): Promise<number> {
  const db = ctx.database.db;
  const [any] = await db.select({ id: reviewers.id }).from(reviewers).where(eq(reviewers.synthetic, true)).limit(1);
  if (any) return 0;
  let made = 0;
  const [account] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.email, demoEmail('reviewer')));
  if (account) {
    await createReviewer(
      ctx,
      {
        name: account.name,
        userId: account.id,
        expertise: 'software, machine learning, computer vision, semiconductors; energy storage, lithium battery cells (demo expertise)',
        tags: ['electronic_information', 'new_energy'],
        senior: true,
        organisationName: 'Demo',
      },
      { synthetic: true },
    );
    made++;
  }
  const found = await db
    .select({ id: people.id, key: people.key, names: people.names, title: people.title, publicRole: people.publicRole })
    .from(people)
    .where(
      inArray(
        people.key,
        FROM_REGISTRY.map((p) => p.key),
      ),
    );
  for (const spec of FROM_REGISTRY) {
    const p = found.find((x) => x.key === spec.key);
    if (!p?.publicRole) continue;
    const orgs = await db.select({ orgId: affiliations.orgId }).from(affiliations).where(eq(affiliations.personId, p.id));
    await createReviewer(
      ctx,
      {
        name: [p.title, p.names.en].filter(Boolean).join(' '),
        personId: p.id,
        organisationId: orgs[0]?.orgId ?? null,
        affiliationIds: orgs.slice(1).map((o) => o.orgId),
        expertise: p.publicRole,
        tags: spec.tags as never,
        senior: spec.senior,
      },
      { synthetic: true },
    );
    made++;
  }
  return made;
}
