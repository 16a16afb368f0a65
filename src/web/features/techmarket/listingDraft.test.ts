import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../shared/contracts/techmarket';
import { emptyDraft, fromListing, toListingInput, toListingPatch, writtenIn } from './listingDraft';

const OWNER = '3f1c2a8e-5b7d-4c1e-9a0b-2d3e4f5a6b7c';

describe('toListingInput', () => {
  it('sends only the languages written, trimmed, details only when there are some', () => {
    const d = emptyDraft('offer');
    d.texts.zh = { title: ' 光伏逆变器 ', summary: '高效率', details: '' };
    d.texts.en = { title: '', summary: '', details: 'ignored: no title or summary' };
    d.owner = { type: 'institution', id: OWNER };
    d.sector = 'new_energy';
    d.keywords = ['逆变器', ' 逆变器 ', ''];
    expect(writtenIn(d)).toEqual(['zh']);
    const body = toListingInput(d);
    expect(body.texts).toEqual({ zh: { title: '光伏逆变器', summary: '高效率' } });
    expect(body.ownerType).toBe('institution');
    expect(body.keywords).toEqual(['逆变器']);
    expect(body.original).toBe('zh');
  });
  it('names the language first written as the original when it is written', () => {
    const d = emptyDraft('need', 'ur');
    d.texts.en = { title: 'Need', summary: 'Short', details: '' };
    d.texts.ur = { title: 'ضرورت', summary: 'مختصر', details: '' };
    expect(toListingInput(d).original).toBe('ur');
    expect(toListingInput(emptyDraft('need')).original).toBeUndefined();
  });
  it('keeps the IP of an offer and drops budget and deadline', () => {
    const d = {
      ...emptyDraft('offer'),
      ipType: 'invention_patent' as const,
      ipNumber: ' ZL2020 1 ',
      ipStatus: 'granted' as const,
      budget: 5,
      deadline: '2026-01-01',
    };
    const body = toListingInput(d);
    expect(body.ip).toEqual({ type: 'invention_patent', number: 'ZL2020 1', status: 'granted' });
    expect([body.budget, body.currency, body.deadline]).toEqual([null, null, null]);
  });
  it('keeps budget, currency and deadline of a need and drops its IP', () => {
    const d = { ...emptyDraft('need'), ipType: 'know_how' as const, budget: 50000, currency: 'USD' as const, deadline: '2026-09-30' };
    const body = toListingInput(d);
    expect(body.ip).toBeNull();
    expect([body.budget, body.currency, body.deadline]).toEqual([50000, 'USD', '2026-09-30']);
  });
  it('sends no currency without a budget, and an empty deadline as null', () => {
    const body = toListingInput({ ...emptyDraft('need'), currency: 'PKR' });
    expect([body.budget, body.currency, body.deadline]).toEqual([null, null, null]);
  });
});

describe('toListingPatch and fromListing', () => {
  const listing: Listing = {
    id: 'l1',
    kind: 'offer',
    status: 'draft',
    texts: { zh: { title: '标题', summary: '摘要' } },
    languages: ['zh'],
    owner: { type: 'institution', id: OWNER, name: '华中科技大学', country: 'CN' },
    country: 'CN',
    sector: 'new_energy',
    keywords: ['逆变器'],
    trl: 6,
    dealForms: ['licence', 'bogus'],
    ip: { type: 'invention_patent', number: 'ZL1', status: 'granted' },
    budget: null,
    currency: null,
    deadline: null,
    publishedAt: null,
    expiresAt: null,
    synthetic: false,
    details: { zh: '细节' },
    access: 'owner',
    moderationNote: null,
    concepts: [],
    version: 3,
    createdAt: '',
    updatedAt: '',
  };
  it('fills the form from a listing, details beside their language', () => {
    const d = fromListing(listing);
    expect(d.texts.zh).toEqual({ title: '标题', summary: '摘要', details: '细节' });
    expect(d.texts.en).toEqual({ title: '', summary: '', details: '' });
    expect(d.dealForms).toEqual(['licence']);
    expect(d.owner).toEqual({ type: 'institution', id: OWNER });
  });
  it('round-trips into a patch without kind or owner, with the version', () => {
    const patch = toListingPatch(fromListing(listing), 3);
    expect(patch).not.toHaveProperty('kind');
    expect(patch).not.toHaveProperty('ownerId');
    expect(patch.version).toBe(3);
    expect(patch.texts).toEqual({ zh: { title: '标题', summary: '摘要', details: '细节' } });
  });
});
