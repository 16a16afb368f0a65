import { describe, expect, it } from 'vitest';
import { MatchReason } from '../../../../shared/contracts/techmarket';
import { corpusOf } from './corpus';
import { type ListingLike, listingFeatures } from './features';
import { isSuggestion, MIN_TOPICAL, rankMatches, scoreMatch, WEIGHTS } from './score';

const listing = (l: Partial<ListingLike> & Pick<ListingLike, 'id' | 'kind' | 'texts'>) =>
  listingFeatures({ keywords: [], sector: 'solar_energy', trl: null, dealForms: [], country: 'CN', ...l });

const need = listing({
  id: 'need',
  kind: 'need',
  country: 'PK',
  sector: 'agriculture',
  trl: 6,
  dealForms: ['licence', 'service'],
  texts: { en: { title: 'Solar water pumps for drip irrigation', summary: 'Farmers need solar pumps to lift groundwater for drip irrigation.' } },
});
const pumpOffer = listing({
  id: 'pump',
  kind: 'offer',
  trl: 8,
  dealForms: ['licence'],
  texts: { zh: { title: '光伏水泵提水系统', summary: '光伏阵列直接驱动水泵，适合农田滴灌。' } },
});
const inverterOffer = listing({ id: 'inverter', kind: 'offer', trl: 9, texts: { zh: { title: '光伏并网逆变器', summary: '组串式逆变器，用于屋顶电站。' } } });
const earlyPump = listing({
  id: 'early',
  kind: 'offer',
  trl: 3,
  texts: { en: { title: 'Solar pump prototype', summary: 'A lab prototype of a solar water pump for irrigation.' } },
});
const unrelated = listing({ id: 'probiotic', kind: 'offer', sector: 'agriculture', texts: { zh: { title: '益生菌发酵', summary: '乳酸菌高密度发酵。' } } });
const corpus = corpusOf([pumpOffer, inverterOffer, earlyPump, unrelated]);

describe('scoreMatch', () => {
  const scored = scoreMatch(need, pumpOffer, corpus);

  it('finds a Chinese offer for an English need by shared concepts, labelled in each language', () => {
    expect(isSuggestion(scored)).toBe(true);
    const concept = scored.reasons.find((r) => r.type === 'concept' && r.concept === 'solar_pump');
    expect(concept).toEqual({
      type: 'concept',
      concept: 'solar_pump',
      labels: { en: 'solar pump', zh: '光伏水泵', ur: 'سولر پمپ' },
      weight: expect.any(Number),
    });
  });

  it('gives reasons exactly per the contract, adding up to the score', () => {
    for (const r of scored.reasons) expect(MatchReason.safeParse(r).success, JSON.stringify(r)).toBe(true);
    const sum = scored.reasons.reduce((s, r) => s + r.weight, 0);
    expect(Math.abs(sum - scored.score)).toBeLessThan(0.01);
  });

  it('states readiness, forms of deal and the border as reasons', () => {
    expect(scored.reasons).toContainEqual({ type: 'readiness', offerTrl: 8, needTrl: 6, fits: true, weight: WEIGHTS.readiness });
    expect(scored.reasons).toContainEqual({ type: 'dealForm', forms: ['licence'], weight: WEIGHTS.dealForm });
    expect(scored.reasons).toContainEqual({ type: 'country', from: 'PK', to: 'CN', crossBorder: true, weight: WEIGHTS.crossBorder });
    const early = scoreMatch(need, earlyPump, corpus);
    expect(early.reasons).toContainEqual({ type: 'readiness', offerTrl: 3, needTrl: 6, fits: false, weight: -3 * WEIGHTS.readiness });
  });

  it('scores the same either way round', () => {
    expect(scoreMatch(pumpOffer, need, corpus).score).toBe(scored.score);
  });

  it('does not suggest a listing that shares only a sector', () => {
    const s = scoreMatch(need, unrelated, corpus);
    expect(s.reasons).toContainEqual(expect.objectContaining({ type: 'sector', related: false }));
    expect(s.topical).toBeLessThan(MIN_TOPICAL);
    expect(isSuggestion(s)).toBe(false);
  });

  it('ranks the pump that answers the need above a solar product that does not, and drops the unrelated one', () => {
    const ranked = rankMatches(need, [inverterOffer, unrelated, pumpOffer, earlyPump], corpus, 10).map((m) => m.candidate.id);
    expect(ranked[0]).toBe('pump');
    expect(ranked.indexOf('pump')).toBeLessThan(ranked.indexOf('inverter') < 0 ? Number.POSITIVE_INFINITY : ranked.indexOf('inverter'));
    expect(ranked).not.toContain('probiotic');
  });

  it('shows a shared word as written', () => {
    const a = listing({ id: 'a', kind: 'need', texts: { en: { title: 'Graphene coatings', summary: 'Anticorrosion graphene coatings for ships.' } } });
    const b = listing({ id: 'b', kind: 'offer', texts: { en: { title: 'Coatings with graphene', summary: 'Marine coatings.' } } });
    const s = scoreMatch(a, b, corpusOf([a, b]));
    expect(s.reasons).toContainEqual(expect.objectContaining({ type: 'term', term: 'coatings' }));
  });
});
