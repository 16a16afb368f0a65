import { eq } from 'drizzle-orm';
import { withTransaction } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { type PolicyExample, readStatisticsReference } from '../reference/reference-files';
import { meGoals, mePolicies, meTargets } from '../statistics.tables';

/**
 * Loads the example M&E framework of the reference data (data/reference/statistics/policy-example.json) into
 * the tables, marked as an example on the policy and on every target. seeds/002_d481d2e1475dd825.txt: Pakistan's
 * STI policies lacked a "monitoring and evaluation framework"; the draft STI policy 2021 "aims to address four
 * key areas of sustainable development, including basic human needs, good governance, economic development and
 * quality of life" — the four goals. The indicators, targets and thresholds are illustrative; the baselines are
 * measured (the value the data give in the baseline year) and the targets set relative to them, so the example
 * fits whatever data the platform holds.
 *
 * Idempotent: once the policy (by its key) exists it is left alone — from then on it belongs to the analysts,
 * who may have changed or removed targets, and a restart must not bring them back.
 */
export async function loadPolicyExample(ctx: Ctx, example?: PolicyExample): Promise<{ policy: boolean; goals: number; targets: number }> {
  const ref = example ?? readStatisticsReference().policy;
  return withTransaction(ctx, async (tx, audit) => {
    const created = { policy: false, goals: 0, targets: 0 };
    const [existing] = await tx.select({ id: mePolicies.id }).from(mePolicies).where(eq(mePolicies.key, ref.policy.key));
    if (existing) return created;
    const [policy] = await tx
      .insert(mePolicies)
      .values({ key: ref.policy.key, names: ref.policy.names, note: ref.note, example: true, source: ref.policy.source })
      .returning();
    await audit({ action: 'me.policy.create', entityType: 'me_policy', entityId: policy.id, after: policy });
    created.policy = true;
    for (const [sort, g] of ref.goals.entries()) {
      const [goal] = await tx.insert(meGoals).values({ policyId: policy.id, key: g.key, area: g.area, names: g.names, source: g.source, sort }).returning();
      await audit({ action: 'me.goal.create', entityType: 'me_goal', entityId: goal.id, after: goal });
      created.goals++;
      for (const i of g.indicators) {
        const [target] = await tx
          .insert(meTargets)
          .values({
            goalId: goal.id,
            indicator: i.indicator,
            scope: i.scope,
            direction: i.direction,
            baselineYear: i.baseline.year,
            baselineValue: 'value' in i.baseline ? i.baseline.value : null,
            targets: [...i.targets].sort((a, b) => a.year - b.year),
            atRisk: i.thresholds.atRisk,
            offTrack: i.thresholds.offTrack,
            example: true,
          })
          .returning();
        await audit({ action: 'me.target.create', entityType: 'me_target', entityId: target.id, after: target });
        created.targets++;
      }
    }
    return created;
  });
}
