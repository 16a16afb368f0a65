import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListingSearchQuery } from '../../../../shared/contracts/techmarket';
import { loadConfig } from '../../../config';
import { copyRows } from '../../../db/copy-rows';
import { type Ctx, systemCtx } from '../../../platform/context';
import { makeTestDatabase } from '../../../test/harness';
import { createRng } from '../../registry/synthetic';
import { syntheticListings } from '../demo/synthetic-listings';
import { tmListings } from '../techmarket.tables';
import { techmarketReference } from '../text/reference';
import { searchListings } from './search-listings';

/**
 * The market search reads in one of two ways (search-listings.ts): walking the listings newest first, or the
 * planner's own plan (mostly: the search index's matches, sorted). Whichever the estimates choose, the answer must be the same: for
 * seeded queries like the bench's, both ways give the same listings in the same order and the same exact total, and so does the choice between them, also when the walk's budget runs out.
 */
describe('market search: both ways of reading give the same answer', () => {
  let db: Awaited<ReturnType<typeof makeTestDatabase>>;
  let ctx: Ctx;

  beforeAll(async () => {
    db = await makeTestDatabase();
    const config = loadConfig({
      SEEDBED_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'plans-')),
      SEEDBED_DEMO: 'off',
      LOG_LEVEL: 'silent',
    } as NodeJS.ProcessEnv);
    ctx = systemCtx(db.database, config, pino({ level: 'silent' }), 'test');
    await db.database.db.transaction(async (tx) => {
      for (const batch of syntheticListings({ count: 3000, seed: 7, batch: 1000 })) await copyRows(tx, tmListings, batch);
    });
    await db.database.db.execute(sql.raw('ANALYZE tm_listings'));
  }, 120_000);
  afterAll(() => db.drop());

  it('for 60 seeded queries with words, sector and filters', async () => {
    const rng = createRng(11);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
    const { concepts } = techmarketReference();
    let compared = 0;
    let found = 0;
    for (let i = 0; i < 60; i++) {
      const c = pick(concepts);
      const q: Record<string, unknown> = { q: pick([...c.terms.en, ...c.terms.zh, ...c.terms.ur]), limit: 10 };
      if (rng() < 0.4) q.kind = rng() < 0.5 ? 'offer' : 'need';
      if (rng() < 0.3 && c.sector) q.sector = c.sector;
      if (rng() < 0.3) q.country = pick(['CN', 'PK']);
      if (rng() < 0.2) q.trlMin = 5;
      if (rng() < 0.2) q.offset = 10;
      const query = ListingSearchQuery.parse(q);
      const walk = await searchListings(ctx, query, { plan: 'walk' });
      const planner = await searchListings(ctx, query, { plan: 'planner' });
      const chosen = await searchListings(ctx, query);
      const shortWalk = await searchListings(ctx, query, { walkUpTo: 100 });
      expect(
        planner.items.map((l) => l.id),
        JSON.stringify(q),
      ).toEqual(walk.items.map((l) => l.id));
      expect(planner.items).toEqual(walk.items);
      expect(chosen.items).toEqual(walk.items);
      expect(shortWalk.items).toEqual(walk.items);
      if (!walk.estimated && !planner.estimated) expect(planner.total, JSON.stringify(q)).toBe(walk.total);
      compared++;
      if (walk.items.length) found++;
    }
    expect(compared).toBe(60);
    expect(found).toBeGreaterThan(20);
  }, 120_000);
});
