import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Matches } from '../../../../shared/contracts/techmarket';
import type { Database } from '../../../db/client';
import { makeTestDatabase } from '../../../test/harness';
import { enterprises } from '../../registry/registry.tables';
import { indexEntity } from '../../registry/search-index';
import { type ListingTexts, tmListings } from '../techmarket.tables';
import { listingTerms, tsvectorSql } from '../text/terms';
import { findEnterpriseMatches } from './enterprise-matches';
import { findMatches } from './find-matches';

/**
 * Matchmaking on the database: a Chinese university's offer is suggested to an English and to an Urdu need,
 * with its reasons; drafts, expired listings, listings of the same kind and unrelated ones are not; details
 * never leave; a Sialkot surgical company is suggested for a surgical-instrument offer.
 */
describe('findMatches', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const day = 86_400_000;
  const owner = randomUUID();

  async function list(l: {
    kind: 'offer' | 'need';
    texts: ListingTexts;
    sector: string;
    country: string;
    trl?: number;
    dealForms?: string[];
    status?: string;
    expiresInDays?: number;
  }) {
    const { terms, concepts } = listingTerms({ texts: l.texts, keywords: [], sector: l.sector });
    const [row] = await database.db
      .insert(tmListings)
      .values({
        kind: l.kind,
        status: l.status ?? 'published',
        texts: l.texts,
        languages: Object.keys(l.texts),
        ownerType: 'institution',
        ownerId: owner,
        ownerName: 'Owner',
        country: l.country,
        sector: l.sector,
        concepts,
        trl: l.trl ?? null,
        dealForms: l.dealForms ?? [],
        createdBy: owner,
        publishedAt: new Date(),
        expiresAt: new Date(Date.now() + (l.expiresInDays ?? 365) * day),
        search: tsvectorSql(terms) as unknown as string,
      })
      .returning({ id: tmListings.id });
    return row.id;
  }

  let chineseOffer: string;
  let englishNeed: string;
  let urduNeed: string;
  let expiredOffer: string;
  let draftOffer: string;
  let otherNeed: string;
  let unrelatedOffer: string;
  let surgicalOffer: string;
  let surgicalCompany: string;
  let pumpInstaller: string;

  beforeAll(async () => {
    ({ database, drop } = await makeTestDatabase());
    chineseOffer = await list({
      kind: 'offer',
      country: 'CN',
      sector: 'solar_energy',
      trl: 7,
      dealForms: ['licence', 'joint_development'],
      texts: {
        zh: {
          title: '光伏水泵提水灌溉系统',
          summary: '武汉某大学研制的光伏水泵系统，单晶硅组件直接驱动无刷水泵，适用于离网农田的滴灌。',
          details: '控制器固件源代码与配方',
        },
      },
    });
    expiredOffer = await list({
      kind: 'offer',
      country: 'CN',
      sector: 'solar_energy',
      expiresInDays: -1,
      texts: { zh: { title: '太阳能水泵', summary: '光伏扬水系统。' } },
    });
    draftOffer = await list({
      kind: 'offer',
      country: 'CN',
      sector: 'solar_energy',
      status: 'draft',
      texts: { zh: { title: '光伏水泵', summary: '太阳能提水。' } },
    });
    unrelatedOffer = await list({
      kind: 'offer',
      country: 'CN',
      sector: 'biotech',
      texts: { zh: { title: '益生菌发酵工艺', summary: '高活性益生菌的发酵与冻干技术。' } },
    });
    otherNeed = await list({
      kind: 'need',
      country: 'PK',
      sector: 'solar_energy',
      texts: { en: { title: 'Solar pumps wanted', summary: 'We need solar water pumps.' } },
    });
    englishNeed = await list({
      kind: 'need',
      country: 'PK',
      sector: 'agriculture',
      trl: 6,
      dealForms: ['licence'],
      texts: {
        en: {
          title: 'Solar water pumping for drip irrigation',
          summary: 'A farm cooperative in Punjab needs solar-powered water pumps to run drip irrigation on plots without grid power.',
        },
      },
    });
    urduNeed = await list({
      kind: 'need',
      country: 'PK',
      sector: 'agriculture',
      texts: { ur: { title: 'ڈرپ آبپاشی کے لیے سولر پمپ', summary: 'جنوبی پنجاب کے کسانوں کو بجلی کے بغیر کھیتوں میں آبپاشی کے لیے شمسی پمپ درکار ہیں۔' } },
    });
    surgicalOffer = await list({
      kind: 'offer',
      country: 'CN',
      sector: 'surgical_instruments',
      texts: { zh: { title: '手术器械激光打标与追溯', summary: '不锈钢手术器械的激光打标和唯一标识追溯方案。' } },
    });
    const [company] = await database.db
      .insert(enterprises)
      .values({ names: { en: 'Sialkot Surgical Works', ur: 'سیالکوٹ سرجیکل ورکس' }, country: 'PK', sector: 'biomedicine' })
      .returning({ id: enterprises.id });
    surgicalCompany = company.id;
    await indexEntity(database.db, 'enterprise', { id: company.id, names: { en: 'Sialkot Surgical Works', ur: 'سیالکوٹ سرجیکل ورکس' }, country: 'PK' });
    const [installer] = await database.db
      .insert(enterprises)
      .values({
        names: { en: 'Indus Green Power' },
        country: 'PK',
        sector: 'new_energy',
        description: { en: 'Installs solar water pumps for tube wells across Sindh.' },
      })
      .returning({ id: enterprises.id });
    pumpInstaller = installer.id;
    const [other] = await database.db
      .insert(enterprises)
      .values({ names: { en: 'Lahore Software House' }, country: 'PK', sector: 'electronic_information' })
      .returning({ id: enterprises.id });
    await indexEntity(database.db, 'enterprise', { id: other.id, names: { en: 'Lahore Software House' }, country: 'PK' });
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('suggests the Chinese offer to an English need, saying why', async () => {
    const matches = await findMatches(database.db, englishNeed, { limit: 5 });
    expect(Matches.safeParse({ items: matches }).success).toBe(true);
    expect(matches[0].listing.id).toBe(chineseOffer);
    const reasons = matches[0].reasons;
    const pump = reasons.find((r) => r.type === 'concept' && r.concept === 'solar_pump');
    expect(pump).toMatchObject({ labels: { en: 'solar pump', zh: '光伏水泵', ur: 'سولر پمپ' } });
    expect(reasons).toContainEqual(expect.objectContaining({ type: 'readiness', offerTrl: 7, needTrl: 6, fits: true }));
    expect(reasons).toContainEqual(expect.objectContaining({ type: 'country', from: 'PK', to: 'CN', crossBorder: true }));
    expect(reasons).toContainEqual(expect.objectContaining({ type: 'dealForm', forms: ['licence'] }));
    expect(matches[0].listing.texts.zh).toEqual({ title: '光伏水泵提水灌溉系统', summary: expect.any(String) });
    expect(JSON.stringify(matches)).not.toContain('固件');
  });

  it('suggests the Chinese offer to an Urdu need', async () => {
    const matches = await findMatches(database.db, urduNeed, { limit: 5 });
    expect(matches.map((m) => m.listing.id)).toContain(chineseOffer);
    expect(matches[0].listing.id).toBe(chineseOffer);
  });

  it('suggests only published, unexpired listings of the other kind that share something', async () => {
    const ids = (await findMatches(database.db, englishNeed, { limit: 20 })).map((m) => m.listing.id);
    for (const id of [expiredOffer, draftOffer, otherNeed, unrelatedOffer, urduNeed]) expect(ids).not.toContain(id);
    const forOffer = (await findMatches(database.db, chineseOffer, { limit: 20 })).map((m) => m.listing.id);
    expect(forOffer).toEqual(expect.arrayContaining([englishNeed, urduNeed, otherNeed]));
    expect(forOffer).not.toContain(chineseOffer);
    expect(await findMatches(database.db, randomUUID())).toEqual([]);
  });

  it('suggests registry enterprises an offer could serve, by the business their names say', async () => {
    const matches = await findEnterpriseMatches(database.db, surgicalOffer);
    expect(matches.map((m) => m.enterprise.id)).toEqual([surgicalCompany]);
    expect(matches[0].reasons).toContainEqual(expect.objectContaining({ type: 'concept', concept: 'surgical_instrument' }));
    expect(matches[0].reasons).toContainEqual(expect.objectContaining({ type: 'sector', related: true }));
  });

  it('and those of its sector whose description fits', async () => {
    const matches = await findEnterpriseMatches(database.db, chineseOffer);
    expect(matches.map((m) => m.enterprise.id)).toEqual([pumpInstaller]);
    expect(matches[0].reasons).toContainEqual(expect.objectContaining({ type: 'concept', concept: 'solar_pump' }));
    expect(matches[0].reasons).toContainEqual(expect.objectContaining({ type: 'country', crossBorder: true }));
  });
});
