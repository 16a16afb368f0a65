import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../../platform/accounts/demo-accounts';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type TestApp } from '../../../test/harness';
import { people } from '../../registry/registry.tables';
import { ensureDemoReviewers } from './demo-reviewers';
import { reviewers } from './review.tables';

describe('demo reviewer pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('puts the demo reviewer account and reference experts in the pool once, marked synthetic', async () => {
    await t.signIn('reviewer', { email: demoEmail('reviewer') });
    await t.database.db.insert(people).values({
      key: 'person:chen-wen',
      names: { en: 'Chen Wen' },
      country: 'CN',
      title: 'Prof.',
      publicRole: 'Professor, School of Materials Science and Engineering',
      roles: ['expert'],
    });
    const ctx = systemCtx(t.database, t.config, t.app.log, 'test');
    expect(await ensureDemoReviewers(ctx)).toBe(2);
    expect(await ensureDemoReviewers(ctx)).toBe(0);
    const rows = await t.database.db.select().from(reviewers);
    expect(rows.map((r) => [r.name, r.synthetic]).sort()).toEqual([
      ['Prof. Chen Wen', true],
      ['Test reviewer', true],
    ]);
    expect(rows.find((r) => r.name === 'Prof. Chen Wen')?.expertise).toContain('Materials Science');
  });
});
