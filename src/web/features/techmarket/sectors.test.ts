import { describe, expect, it } from 'vitest';
import { sectorOptions } from './sectors';

const n = (en: string) => ({ en, zh: en, ur: en });
describe('sectorOptions', () => {
  it('lists each top sector followed by its sub-sectors, indented', () => {
    const sectors = [
      { code: 'energy', names: n('Energy'), parent: null },
      { code: 'solar', names: n('Solar'), parent: 'energy' },
      { code: 'bio', names: n('Bio'), parent: null },
    ];
    expect(sectorOptions(sectors, (c) => c)).toEqual([
      { value: 'energy', label: 'energy' },
      { value: 'solar', label: '\u2003solar' },
      { value: 'bio', label: 'bio' },
    ]);
  });
  it('still offers a sector whose parent is missing', () => {
    expect(sectorOptions([{ code: 'x', names: n('X'), parent: 'gone' }], (c) => c)).toEqual([{ value: 'x', label: 'x' }]);
  });
});
