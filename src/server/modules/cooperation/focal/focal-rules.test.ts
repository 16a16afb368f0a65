import { describe, expect, it } from 'vitest';
import { focalState, postKey } from './focal-rules';

describe('focal person rules', () => {
  it('tells an open slot (seeds/000: Jinan promised one), an appointed and an ended focal person apart', () => {
    expect(focalState({ personId: null, personName: null, endedOn: null })).toBe('open');
    expect(focalState({ personId: null, personName: '  ', endedOn: null })).toBe('open');
    expect(focalState({ personId: null, personName: null, endedOn: '2020-01-01' })).toBe('open');
    expect(focalState({ personId: null, personName: 'Ms. Zeng Xiaopeng', endedOn: null })).toBe('appointed');
    expect(focalState({ personId: 'p', personName: null, endedOn: null })).toBe('appointed');
    expect(focalState({ personId: 'p', personName: '梁桂', endedOn: '2020-01-01' })).toBe('ended');
  });
  it('identifies a post by organisation and topic', () => {
    const a = { organisation: { entityType: 'institution', entityId: 'x', name: 'A', country: 'CN' }, topic: { en: 'S&T cooperation with Pakistan' } };
    expect(postKey(a)).toBe(postKey({ ...a, organisation: { ...a.organisation, name: 'renamed' } }));
    expect(postKey(a)).not.toBe(postKey({ ...a, topic: { en: 'Internships' } }));
    const typed = { organisation: { entityType: null, entityId: null, name: 'Jinan S&T Bureau', country: 'CN' }, topic: { en: 'T' } };
    expect(postKey(typed)).toBe(postKey({ ...typed, organisation: { ...typed.organisation, name: ' jinan s&t bureau ' } }));
  });
});
