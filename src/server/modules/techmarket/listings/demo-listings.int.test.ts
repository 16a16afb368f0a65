import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/context';
import { makeTestApp, type TestApp } from '../../../test/harness';
import { loadReference } from '../../registry/reference/load-reference';
import { loadDemoListings } from './demo-listings';

describe('demo listings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    await loadReference(systemCtx(t.database, t.config, pino({ level: 'silent' }), 'test'));
  }, 120_000);
  afterAll(() => t.close());

  const search = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/techmarket/listings${qs}` })).json();

  it('publishes Chinese offers and Pakistani needs once, synthetic, found across languages', async () => {
    const ctx = systemCtx(t.database, t.config, pino({ level: 'silent' }), 'demo');
    expect(await loadDemoListings(ctx)).toEqual({ created: 7 });
    expect(await loadDemoListings(ctx)).toEqual({ created: 0 });
    const market = await search('?limit=50');
    expect(market.total).toBe(6);
    expect(market.items.every((l: { synthetic: boolean }) => l.synthetic)).toBe(true);
    const wuhan = market.items.find((l: { owner: { name: string } }) => l.owner.name === '武汉理工大学');
    expect(wuhan).toMatchObject({ kind: 'offer', languages: ['zh'], country: 'CN' });
    expect(market.items.find((l: { languages: string[] }) => l.languages[0] === 'ur').owner.name).toBe('مہران یونیورسٹی');
    expect((await search(`?kind=offer&q=${encodeURIComponent('laser hardening')}`)).items.map((l: { id: string }) => l.id)).toContain(wuhan.id);
    expect((await search(`?q=${encodeURIComponent('کولڈ اسٹوریج')}`)).total).toBe(1);
  });
});
