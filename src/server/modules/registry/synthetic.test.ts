import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { ENTITY_INPUTS } from '../../../shared/contracts/registry';
import { syntheticEntities } from './synthetic';

const geography = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../data/reference/geography.json'), 'utf8')) as {
  divisions: { code: string }[];
};
const first = (seed: number, count = 100) => [...syntheticEntities({ seed, count })];

describe('synthetic registry', () => {
  it('gives the same records for the same seed, other records for another', () => {
    expect(first(42)).toEqual(first(42));
    expect(first(43)).not.toEqual(first(42));
    // Pinned: a change of vocabulary or of draw order changes every benchmark's data set; update on purpose.
    const digest = createHash('sha256')
      .update(JSON.stringify(first(42)))
      .digest('hex')
      .slice(0, 16);
    expect(digest).toBe('376c2039853cc1d6');
  });

  it('marks every record synthetic, with unique ids and keys, and valid entity input', () => {
    const all = first(7, 5000);
    expect(all.every((e) => e.synthetic)).toBe(true);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
    for (const e of all.slice(0, 500)) {
      const input = {
        key: e.key,
        names: e.names,
        country: e.country,
        province: e.province,
        city: e.city,
        website: e.website,
        ...(e.kind ? { kind: e.kind } : {}),
        ...(e.type === 'enterprise' ? { sector: e.sector, foundedOn: e.foundedOn, employees: e.employees } : {}),
        ...(e.type === 'person' ? { roles: e.roles } : {}),
      };
      expect(ENTITY_INPUTS[e.type].safeParse(input).error?.issues, JSON.stringify(input)).toBeUndefined();
    }
  });

  it('is mostly enterprises, mostly Chinese, with Pakistani names in Urdu, placed with the reference codes', () => {
    const all = first(1, 20_000);
    const share = (f: (e: (typeof all)[number]) => boolean) => all.filter(f).length / all.length;
    expect(share((e) => e.type === 'enterprise')).toBeGreaterThan(0.8);
    expect(share((e) => e.type === 'zone')).toBeGreaterThan(0);
    expect(share((e) => e.country === 'CN')).toBeGreaterThan(0.6);
    expect(share((e) => e.country === 'PK')).toBeGreaterThan(0.1);
    expect(all.filter((e) => e.country === 'PK').every((e) => /[\u0600-\u06ff]/.test(e.names.ur ?? ''))).toBe(true);
    expect(all.filter((e) => e.country === 'CN').every((e) => /[\u4e00-\u9fff]/.test(e.names.zh ?? ''))).toBe(true);
    const codes = new Set(geography.divisions.map((d) => d.code));
    for (const e of all) {
      if (e.province) expect(codes.has(e.province), e.province).toBe(true);
      if (e.city) expect(codes.has(e.city), e.city).toBe(true);
    }
  });

  it('writes Chinese names in pinyin the way pinyin-pro reads them', () => {
    const chinese = first(3, 3000).filter((e) => e.names.zh);
    let whole = 0;
    for (const e of chinese) {
      const spoken = pinyin(e.names.zh!, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
      const words = e.names.en
        .toLowerCase()
        .replace(/'/g, '')
        .split(/[^a-z]+/)
        .filter((w) => w && w !== 'co' && w !== 'ltd');
      // The first word (the city, or the brand of a makerspace, or a surname) is always pinyin of the Chinese name.
      expect(spoken, `${e.names.en} / ${e.names.zh}`).toContain(words[0]);
      if (words.every((w) => spoken.includes(w))) whole++;
    }
    // Most names are transliterated whole; the rest translate the business line (Intelligent Technology).
    expect(whole / chinese.length).toBeGreaterThan(0.5);
  });
});
