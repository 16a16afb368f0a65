import { describe, expect, it } from 'vitest';
import {
  emptyAgreement,
  emptyDelegation,
  nextDay,
  orgRef,
  textInItsLanguage,
  toAgreementInput,
  toDelegationInput,
  toOpportunityInput,
  emptyOffer,
} from './drafts';
import { normalisePair, pairOf, pairsFrom } from './pair';
import { daysBetween, scoreBand } from './scorecard';
import { pickText, scriptOfName, texts3 } from './text';

describe('pickText', () => {
  it('shows the reader’s language when written, else the first written (en, zh, ur), marked foreign', () => {
    expect(pickText({ en: 'MOU', zh: '谅解备忘录' }, 'zh')).toEqual({ text: '谅解备忘录', lang: 'zh', foreign: false });
    expect(pickText({ zh: '谅解备忘录', ur: 'مفاہمت' }, 'en')).toEqual({ text: '谅解备忘录', lang: 'zh', foreign: true });
    expect(pickText({ en: '  ', ur: 'مفاہمت' }, 'en')).toEqual({ text: 'مفاہمت', lang: 'ur', foreign: true });
    expect(pickText({}, 'en')).toBeNull();
    expect(pickText(null, 'en')).toBeNull();
  });
  it('keeps only the languages written', () => {
    expect(texts3({ en: ' A ', zh: '', ur: undefined })).toEqual({ en: 'A' });
  });
  it('tells a name’s script', () => {
    expect(scriptOfName('武汉理工大学')).toBe('zh');
    expect(scriptOfName('سائنس پارک')).toBe('ur');
    expect(scriptOfName('STZA')).toBe('en');
  });
});

describe('country pairs', () => {
  it('normalises what a reader types', () => {
    expect(normalisePair('pk-cn')).toBe('PK-CN');
    expect(normalisePair('PK – CN')).toBe('PK-CN');
    expect(normalisePair('PK_CN')).toBe('PK-CN');
    expect(normalisePair('PK-PK')).toBeNull();
    expect(normalisePair('PAK-CHN')).toBeNull();
    expect(normalisePair(undefined)).toBeNull();
  });
  it('finds a pair in exactly two countries', () => {
    expect(pairOf(['PK', 'CN', 'PK'])).toBe('PK-CN');
    expect(pairOf(['PK'])).toBeNull();
    expect(pairOf(['PK', 'CN', 'MY'])).toBeNull();
  });
  it('lists Pakistan–China first, then other pairs by frequency, each once in either order', () => {
    expect(pairsFrom([['CN', 'PK'], ['PK', 'MY'], ['MY', 'PK'], ['CN', 'IR'], ['PK']])).toEqual(['PK-CN', 'PK-MY', 'CN-IR']);
  });
});

describe('scorecards', () => {
  it('bands a score', () => {
    expect(scoreBand(100)).toBe('good');
    expect(scoreBand(80)).toBe('good');
    expect(scoreBand(50)).toBe('fair');
    expect(scoreBand(49.9)).toBe('poor');
    expect(scoreBand(null)).toBe('none');
  });
  it('counts days between calendar dates', () => {
    expect(daysBetween('2022-02-13', '2022-02-20')).toBe(7);
    expect(daysBetween('2022-03-01', '2022-02-28')).toBe(-1);
  });
});

describe('agreement draft', () => {
  it('sends parties from the registry or typed, and renumbers commitments when an empty party row is dropped', () => {
    const d = emptyAgreement();
    d.title.en = ' Letter of intent ';
    d.parties = [
      { org: { entityType: 'institution', entityId: 'a', name: 'STZA', country: 'PK' }, signatory: '' },
      { org: { entityType: null, entityId: null, name: '', country: 'CN' }, signatory: '' },
      { org: { entityType: null, entityId: null, name: '中关村', country: 'cn' }, signatory: ' 王 ' },
    ];
    d.commitments = [
      { deliverable: '联合规划', owedBy: 2, dueOn: '2022-06-30', owner: { id: 'a1b2', displayName: 'Ayesha Khan' } },
      { deliverable: '', owedBy: 0, dueOn: '', owner: null },
    ];
    d.signedVirtually = true;
    d.signedPlace = 'Islamabad';
    const body = toAgreementInput(d);
    expect(body.title).toEqual({ en: 'Letter of intent' });
    expect(body.parties).toEqual([
      { org: { entityType: 'institution', entityId: 'a' }, signatory: null },
      { org: { name: '中关村', country: 'CN' }, signatory: '王' },
    ]);
    expect(body.commitments).toEqual([{ deliverable: { zh: '联合规划' }, owedBy: 1, dueOn: '2022-06-30', ownerUserId: 'a1b2' }]);
    expect(body.signedPlace).toBeNull();
    expect(body.signedOn).toBeNull();
  });
  it('keeps a typed text in the language of its script', () => {
    expect(textInItsLanguage('Joint planning')).toEqual({ en: 'Joint planning' });
    expect(textInItsLanguage('مشترکہ منصوبہ بندی')).toEqual({ ur: 'مشترکہ منصوبہ بندی' });
    expect(textInItsLanguage('  ')).toEqual({});
  });
  it('refers to an organisation by its registry record when picked', () => {
    expect(orgRef({ entityType: 'enterprise', entityId: 'x', name: 'A', country: 'PK' })).toEqual({ entityType: 'enterprise', entityId: 'x' });
    expect(orgRef({ entityType: null, entityId: null, name: ' ', country: 'PK' })).toBeNull();
  });
});

describe('delegation draft', () => {
  it('drops empty members, stops and meetings, and keeps registry people by id', () => {
    const d = emptyDelegation();
    d.title.en = 'Visit';
    d.startsOn = '2018-05-01';
    d.endsOn = '2018-05-02';
    d.members = [
      { personId: 'p1', name: 'ignored', side: 'guest', role: 'head' },
      { personId: null, name: ' 李 ', side: 'host', role: 'host' },
      { personId: null, name: '', side: 'guest', role: 'member' },
    ];
    d.itinerary = [
      {
        day: '2018-05-01',
        city: ' Beijing ',
        visited: [{ entityType: null, entityId: null, name: 'Zhongguancun', country: 'CN' }],
        meetings: [
          { title: 'Briefing', with: [' TORCH ', ''] },
          { title: '', with: [] },
        ],
      },
      { day: '', city: '', visited: [], meetings: [] },
    ];
    const body = toDelegationInput(d);
    expect(body.members).toEqual([
      { personId: 'p1', side: 'guest', role: 'head' },
      { name: '李', side: 'host', role: 'host' },
    ]);
    expect(body.itinerary).toEqual([
      { day: '2018-05-01', city: 'Beijing', visited: [{ name: 'Zhongguancun', country: 'CN' }], meetings: [{ title: 'Briefing', with: ['TORCH'] }] },
    ]);
    expect(body.guest).toBeNull();
  });
  it('proposes the next day', () => {
    expect(nextDay('2018-05-31')).toBe('2018-06-01');
    expect(nextDay('')).toBe('');
  });
  it('links an offer to its delegation; places per year only for scholarships', () => {
    const o = { ...emptyOffer({ entityType: 'institution', entityId: 'i', name: 'X', country: 'CN' }), title: 'Internship', places: 5, placesPerYear: 3 };
    const body = toOpportunityInput(o, { delegationId: 'd' });
    expect(body).toMatchObject({
      kind: 'internship',
      title: { en: 'Internship' },
      offeredBy: { entityType: 'institution', entityId: 'i' },
      placesPerYear: null,
      delegationId: 'd',
    });
    expect(toOpportunityInput({ ...o, kind: 'scholarship' }).placesPerYear).toBe(3);
  });
});
