import { describe, expect, it } from 'vitest';
import { affinity, modelOf, SCORE_UNIT, terms } from './affinity';
import { type Application, generateInstance, type Reviewer } from './instance';
import { pairUnits, prepare } from './prepare';
import { PairScorer } from './scorer';

const app = (over: Partial<Application>): Application => ({
  id: 'app-1',
  title: '',
  abstract: '',
  tags: [],
  enterpriseId: 'ent-1',
  institutionIds: [],
  applicantPersonIds: ['person-1'],
  ...over,
});
const reviewer = (over: Partial<Reviewer>): Reviewer => ({
  id: 'rev-1',
  personId: 'person-r1',
  name: 'R',
  expertise: '',
  tags: [],
  senior: false,
  organisationId: 'org-1',
  affiliationIds: [],
  declaredConflicts: [],
  ...over,
});

describe('terms', () => {
  it('keeps English content words, folds plurals, drops stop words', () => {
    expect(terms('The Batteries and the cells of a solid-state battery')).toEqual(['battery', 'cell', 'solid', 'state', 'battery']);
  });

  it('segments Chinese into words with the registry dictionary', () => {
    const t = terms('锂电池储能系统的安全管理');
    expect(t).toEqual(expect.arrayContaining(['储能', '安全']));
    expect(t.every((w) => w.length >= 2)).toBe(true);
  });
});

describe('affinity', () => {
  const battery = app({
    title: 'Solid-state lithium battery',
    abstract: 'A solid electrolyte for lithium battery cells with fast charging.',
    tags: ['new_energy.batteries', 'new_materials.ceramics'],
  });
  const expert = reviewer({
    expertise: 'Lithium battery cathode and electrolyte chemistry; charging of cells',
    tags: ['new_energy.batteries', 'new_energy.hydrogen'],
  });
  const stranger = reviewer({ id: 'rev-2', expertise: 'Vaccine antigen design and immune response', tags: ['biomedicine.vaccines'] });
  const model = modelOf([battery], [expert, stranger]);

  it('explains each pair: shared tags, shared words, text similarity, tag overlap', () => {
    const a = affinity(battery, expert, model);
    expect(a.reasons.sharedTags).toEqual(['new_energy.batteries']);
    expect(a.reasons.sharedTerms).toEqual(expect.arrayContaining(['lithium', 'battery', 'electrolyte', 'charging', 'cell']));
    expect(a.reasons.tagOverlap).toBeCloseTo(1 / 3, 12);
    expect(a.reasons.textSimilarity).toBeGreaterThan(0.2);
    expect(a.score).toBe(Math.floor(SCORE_UNIT * 0.6 * a.reasons.textSimilarity + SCORE_UNIT * 0.4 * a.reasons.tagOverlap + 0.5) / SCORE_UNIT);
    expect(a.score).toBeGreaterThan(0);
    expect(a.score).toBeLessThanOrEqual(1);
  });

  it('scores nothing in common as 0, with empty reasons', () => {
    const a = affinity(battery, stranger, model);
    expect(a).toEqual({ score: 0, reasons: { sharedTags: [], sharedTerms: [], textSimilarity: 0, tagOverlap: 0 } });
  });

  it('takes the weights as parameters', () => {
    const textOnly = affinity(battery, expert, modelOf([battery], [expert, stranger], { text: 1, tags: 0 }));
    expect(textOnly.score).toBeCloseTo(textOnly.reasons.textSimilarity, 6);
    const tagsOnly = affinity(battery, expert, modelOf([battery], [expert, stranger], { text: 0, tags: 2 }));
    expect(tagsOnly.score).toBeCloseTo(1 / 3, 6);
  });

  it('matches a Chinese application with a reviewer who wrote Chinese expertise', () => {
    const zh = app({ title: '固态锂电池', abstract: '新型固态电解质锂电池储能系统研发与产业化', tags: ['new_energy.batteries'] });
    const zhExpert = reviewer({ expertise: '锂电池与储能系统; battery storage', tags: ['new_energy.batteries'] });
    const m = modelOf([zh, battery], [zhExpert, stranger]);
    const a = affinity(zh, zhExpert, m);
    expect(a.reasons.textSimilarity).toBeGreaterThan(0.1);
    expect(a.reasons.sharedTerms).toEqual(expect.arrayContaining(['储能']));
    expect(a.score).toBeGreaterThan(affinity(zh, stranger, m).score);
  });

  it('is the same score on every path: one pair, the inverted index, the optimiser', () => {
    const inst = generateInstance({ seed: 3, applications: 120, reviewers: 40, chineseShare: 0.2 });
    const p = prepare(inst);
    const scorer = new PairScorer(p);
    const all = new Int32Array(p.revs.length);
    for (let a = 0; a < p.apps.length; a++) {
      scorer.scoreAll(a, all);
      for (let r = 0; r < p.revs.length; r++) {
        const units = pairUnits(p, a, r);
        expect(all[r]).toBe(units);
        if ((a * 7 + r) % 13 === 0) expect(affinity(p.apps[a], p.revs[r], p.model).score).toBe(units / SCORE_UNIT);
      }
    }
  });
});
