import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRecords, type Fact, loadReferenceData, NON_SEED_SOURCES, parseSource, type ReferenceData, SEEDS_DIR, type Zone } from './reference.schema';

/**
 * The reference data set against its seeds: every source resolves to a seed in data/seeds/, every
 * locator and every fact's text occurs in that seed, every number a fact carries is in its text,
 * the 54 national STIPs match the appendix of seeds/001, and the headline facts are there.
 */

// ── Seed text ────────────────────────────────────────────────────────────────

/**
 * The seeds are PDF and newspaper extractions: words are hyphenated across lines, columns break
 * sentences with blank lines, quotes are typographic. Canonical form for searching: lower case,
 * typographic quotes made plain, and every line break, space, hyphen and markdown asterisk removed,
 * so "entrepre-\nneurs" matches "entrepreneurs" and "Hi-\nTech" matches "Hi-Tech".
 */
function canonical(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[\s\u00ad\-‐‑*]+/g, '');
}

const seedFiles = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
const seedText = new Map(seedFiles.map((f) => [`seeds/${f}`, readFileSync(path.join(SEEDS_DIR, f), 'utf8')]));
const seedCanon = new Map([...seedText].map(([k, v]) => [k, canonical(v)]));

const occursIn = (seed: string, text: string) => seedCanon.get(seed)?.includes(canonical(text)) ?? false;

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** For numbers, spaces matter ("2005, 129 bases"): lower case, line-end hyphens joined, whitespace collapsed. */
function loose(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/-[ \t]*\n\s*/g, '')
    .replace(/\s+/g, ' ');
}
const seedLoose = new Map([...seedText].map(([k, v]) => [k, loose(v)]));

/**
 * Whether a number occurs as a whole number, as the seeds write it: 22000 as "22,000", "22 000" or
 * "22, 000"; 1 as "01"; small numbers also as words ("ten"). 16 is not found in 2016, nor 22 in 22,000.
 */
function hasNumber(text: string, n: number): boolean {
  const [int, frac] = String(n).split('.') as [string, string | undefined];
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 3) groups.unshift(int.slice(Math.max(0, end - 3), end));
  const digits = groups.join(',? ?') + (frac ? `\\.${frac}` : '');
  if (new RegExp(`(?<![\\d.,])0*${digits}(?!\\d|[.,]\\d)`).test(text)) return true;
  const word = Number.isInteger(n) && n >= 0 ? NUMBER_WORDS[n] : undefined;
  return word !== undefined && new RegExp(`\\b${word}\\b`).test(text);
}
const DATE = /^(\d{4})(-\d{2}(-\d{2})?)?$/;

describe('canonical seed text', () => {
  it('joins words hyphenated across lines and ignores layout', () => {
    expect(canonical('entrepre-\nneurs')).toBe(canonical('entrepreneurs'));
    expect(canonical('Hi-\nTech industry')).toBe(canonical('Hi-Tech industry'));
    expect(canonical('the “Silicon\n\nValley of China”')).toBe(canonical('the "Silicon Valley of China"'));
    expect(canonical('**Torch Program Software Parks**')).toBe(canonical('Torch Program Software Parks'));
  });
  it('matches numbers whole, as the seeds write them', () => {
    expect(hasNumber(loose('home to nearly 22,000 high-tech companies'), 22000)).toBe(true);
    expect(hasNumber(loose('more than 7, 000 incubators'), 7000)).toBe(true);
    expect(hasNumber(loose('The zone has ten industrial parks'), 10)).toBe(true);
    expect(hasNumber(loose('In 2016, sister parks'), 16)).toBe(false);
    expect(hasNumber(loose('nearly 22,000'), 22)).toBe(false);
    expect(hasNumber(loose('5.3 billion Yuan'), 5.3)).toBe(true);
    expect(hasNumber(loose('5.3 billion Yuan'), 3)).toBe(false);
    expect(hasNumber(loose('often'), 10)).toBe(false);
    expect(hasNumber(loose('01. Zhongguancun Science Park'), 1)).toBe(true);
    expect(hasNumber(loose('From 1995 to 2005, 129 Torch Program'), 129)).toBe(true);
    expect(hasNumber(loose('From 1995 to 2005, 129 Torch Program'), 5129)).toBe(false);
  });
  it('finds a hyphenated phrase of seeds/000 in its original layout', () => {
    const seed = [...seedText.keys()].find((k) => k.startsWith('seeds/000_'))!;
    expect(seedText.get(seed)).toContain('entrepre-\nneurs');
    expect(occursIn(seed, 'The Chinese government is particularly welcoming entrepreneurs, scientists and researchers from Pakistan')).toBe(true);
    expect(occursIn(seed, 'The Chinese government is particularly welcoming investors')).toBe(false);
  });
});

// ── The data ────────────────────────────────────────────────────────────────

let data: ReferenceData;
beforeAll(() => {
  data = loadReferenceData();
});

type Cited = { where: string; source: string; text?: string; fact?: Fact };
/** Every source in the set, with the fact it backs where there is one. */
function citations(d: ReferenceData): Cited[] {
  const out: Cited[] = [];
  for (const c of d.geography.countries) out.push({ where: `country ${c.code}`, source: c.source });
  for (const v of d.geography.divisions) {
    out.push({ where: `division ${v.code}`, source: v.source });
    if (v.coordinatesSource) out.push({ where: `division ${v.code} coordinates`, source: v.coordinatesSource });
  }
  for (const { record } of allRecords(d)) {
    const r = record as { key: string; source: string; facts?: Fact[]; stageFacts?: { source: string } };
    out.push({ where: r.key, source: r.source });
    if (r.stageFacts) out.push({ where: `${r.key}.stageFacts`, source: r.stageFacts.source });
    for (const [i, f] of (r.facts ?? []).entries()) out.push({ where: `${r.key}.facts[${i}]`, source: f.source, text: f.text, fact: f });
  }
  for (const [i, g] of d.governance.entries()) out.push({ where: `governance[${i}] ${g.parentKey} → ${g.childKey}`, source: g.source });
  return out;
}

describe('the reference data set', () => {
  it('parses with the schemas and its cross-references resolve', () => {
    expect(data.zones.length).toBeGreaterThan(54);
    for (const file of ['institutions', 'incubators', 'enterprises', 'people', 'investors', 'governance'] as const)
      expect(data[file].length).toBeGreaterThan(0);
  });

  it('cites only seeds that exist in data/seeds/ (or the allowed non-seed sources)', () => {
    const bad = citations(data)
      .filter(({ source }) => {
        const { file } = parseSource(source);
        return file === null ? !(NON_SEED_SOURCES as readonly string[]).includes(source) : !seedText.has(file);
      })
      .map(({ where, source }) => `${where}: ${source}`);
    expect(bad).toEqual([]);
  });

  it('uses locators that occur in the cited seed', () => {
    const bad = citations(data)
      .map(({ where, source }) => ({ where, ...parseSource(source) }))
      .filter(({ file, locator }) => file !== null && locator !== null && !occursIn(file, locator))
      .map(({ where, file, locator }) => `${where}: "${locator}" not in ${file}`);
    expect(bad).toEqual([]);
  });

  it("quotes each fact's text from the seed it cites", () => {
    const bad = citations(data)
      .filter((c): c is Cited & { text: string } => c.text !== undefined)
      .filter(({ source, text }) => {
        const { file } = parseSource(source);
        return file !== null && !occursIn(file, text);
      })
      .map(({ where, source, text }) => `${where}: "${text}" not in ${source}`);
    expect(bad).toEqual([]);
  });

  it("has every fact's value in its text: numbers as the seed writes them, dates by their year", () => {
    const bad: string[] = [];
    for (const { where, fact, source } of citations(data)) {
      if (!fact || fact.value === undefined) continue;
      const text = canonical(fact.text);
      const { file } = parseSource(source);
      if (typeof fact.value === 'number') {
        if (!hasNumber(loose(fact.text), fact.value)) bad.push(`${where}: ${fact.value} not in "${fact.text}"`);
        if (file && !hasNumber(seedLoose.get(file)!, fact.value)) bad.push(`${where}: ${fact.value} not in ${file}`);
      } else {
        const date = DATE.exec(fact.value);
        const needle = date ? date[1]! : fact.value;
        if (!text.includes(canonical(needle))) bad.push(`${where}: "${needle}" not in "${fact.text}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('backs every structured number and date of a zone or incubator with a fact of the same field', () => {
    const bad: string[] = [];
    const check = (key: string, facts: Fact[] | undefined, field: string, value: string | number | undefined) => {
      if (value === undefined) return;
      if (!facts?.some((f) => f.field === field && f.value === value)) bad.push(`${key}.${field} = ${value} has no fact`);
    };
    for (const z of data.zones) {
      for (const field of ['approvalDate', 'areaKm2', 'companyCount', 'memberParkCount', 'appendixNo', 'approvedBy'] as const)
        check(z.key, z.facts, field, z[field]);
      for (const industry of z.focusIndustries ?? []) {
        const backed = z.facts?.some((f) => f.field === 'focusIndustries' && canonical(f.text).includes(canonical(industry)));
        if (!backed) bad.push(`${z.key}.focusIndustries "${industry}" has no fact`);
      }
    }
    for (const i of data.incubators) {
      check(i.key, i.facts, 'foundedOn', i.foundedOn);
      check(i.key, i.facts, 'spaceM2', i.spaceM2);
      for (const c of i.certifications ?? []) check(i.key, i.facts, 'certification', String(c.year));
    }
    for (const e of data.enterprises) {
      if (e.stageFacts?.listed) check(e.key, e.facts, 'listed', 'listed');
      if (e.stageFacts?.unicorn) check(e.key, e.facts, 'unicorn', 'Unicorn');
    }
    expect(bad).toEqual([]);
  });

  it('gives Chinese records their Chinese name as native name and Pakistani organisations an Urdu name', () => {
    const bad: string[] = [];
    for (const { record } of allRecords(data)) {
      const r = record as { key: string; country?: string; names: { zh?: string; ur?: string }; nativeName?: string };
      if (r.country === 'CN' && r.nativeName && !/\p{Script=Han}/u.test(r.nativeName)) bad.push(`${r.key}: nativeName is not Chinese`);
      if (r.country === 'PK' && !r.names.ur) bad.push(`${r.key}: no Urdu name`);
    }
    for (const p of data.people) if (!p.names.ur) bad.push(`${p.key}: no Urdu name`);
    expect(bad).toEqual([]);
  });

  it('keeps people to their public roles: no e-mail addresses or phone numbers anywhere', () => {
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/\b(tel|phone|fax)\b/i);
  });
});

// ── The 54 national STIPs of the appendix ───────────────────────────────────

/** The appendix table of seeds/001: "NN. Name<TAB>Website", after the heading. */
function appendixOfSeed001(): { no: number; name: string; website: string }[] {
  const file = seedFiles.find((f) => f.startsWith('001_'));
  if (!file) throw new Error('seeds/001_* is missing from data/seeds/');
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  const start = text.indexOf('Appendix: 54 National STIPs');
  if (start < 0) throw new Error('appendix heading not found in seeds/001');
  const rows: { no: number; name: string; website: string }[] = [];
  for (const line of text.slice(start).split('\n')) {
    const m = /^(\d{2})\.\s+(.+?)\t+(\S+)\s*$/.exec(line);
    if (m) rows.push({ no: Number(m[1]), name: m[2]!.trim(), website: m[3]! });
  }
  return rows;
}

describe('the 54 national STIPs (appendix of seeds/001)', () => {
  const appendix = appendixOfSeed001();

  it('the appendix parses into 54 numbered rows', () => {
    expect(appendix).toHaveLength(54);
    expect(appendix.map((r) => r.no)).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
  });

  it('zones.json has exactly those 54 as national_hightech_zone, with name, website and number', () => {
    const national = data.zones.filter((z) => z.kind === 'national_hightech_zone');
    const got = national.map((z) => ({ no: z.appendixNo, name: z.names.en, website: z.website })).sort((a, b) => (a.no ?? 0) - (b.no ?? 0));
    expect(got).toEqual(appendix);
    expect(data.zones.filter((z) => z.appendixNo !== undefined)).toHaveLength(54);
  });

  it('places each in a Chinese province (and city) of geography.json', () => {
    const divisions = new Map(data.geography.divisions.map((d) => [d.code, d]));
    for (const z of data.zones.filter((z) => z.kind === 'national_hightech_zone')) {
      expect(z.country, z.key).toBe('CN');
      const province = divisions.get(z.province ?? '');
      expect(province?.level, `${z.key} province ${z.province}`).toBe('province');
      expect(province?.country).toBe('CN');
      expect(z.province).toMatch(/^\d{2}0000$/);
      const city = divisions.get(z.city ?? '');
      expect(city?.parent, `${z.key} city ${z.city}`).toBe(z.province);
      expect(city?.lat, `${z.key}: the map needs its city's coordinates`).toBeTypeOf('number');
    }
  });

  it('uses the GB/T 2260 codes of the brief', () => {
    const name = (code: string) => data.geography.divisions.find((d) => d.code === code)?.names.en;
    expect(name('110000')).toBe('Beijing');
    expect(name('370000')).toBe('Shandong');
    expect(name('370100')).toBe('Jinan');
    expect(name('420000')).toBe('Hubei');
    expect(name('420100')).toBe('Wuhan');
    const zone = (key: string) => data.zones.find((z) => z.key === key)!;
    expect([zone('zone:jinan').province, zone('zone:jinan').city]).toEqual(['370000', '370100']);
    expect([zone('zone:wuhan-east-lake').province, zone('zone:wuhan-east-lake').city]).toEqual(['420000', '420100']);
    expect(zone('zone:zhongguancun').province).toBe('110000');
  });
});

// ── Headline facts ──────────────────────────────────────────────────────────

describe('headline facts', () => {
  const zone = (key: string): Zone => {
    const z = data.zones.find((r) => r.key === key);
    if (!z) throw new Error(`${key} missing`);
    return z;
  };

  it('Zhongguancun: 1988, 488 km², 16 member parks, ~22,000 companies', () => {
    const z = zone('zone:zhongguancun');
    expect(z.approvalDate?.slice(0, 4)).toBe('1988');
    expect(z.areaKm2).toBe(488);
    expect(z.memberParkCount).toBe(16);
    expect(z.companyCount).toBe(22000);
    expect(z.appendixNo).toBe(1);
    expect(z.names.zh).toContain('中关村');
  });

  it('Jinan: 1991, 318 km²', () => {
    const z = zone('zone:jinan');
    expect(z.approvalDate).toBe('1991');
    expect(z.areaKm2).toBe(318);
    expect(z.appendixNo).toBe(24);
  });

  it('the zones the 2018 delegation visited are national zones with facts from seeds/000', () => {
    for (const key of ['zone:jinan', 'zone:nanjing', 'zone:hangzhou', 'zone:ningbo', 'zone:wuhan-east-lake']) {
      const z = zone(key);
      expect(z.kind, key).toBe('national_hightech_zone');
      expect(
        z.facts?.some((f) => f.source.startsWith('seeds/000_')),
        key,
      ).toBe(true);
    }
  });

  it('Wuhan East Lake Innovation Center: June 1987, flagged as the first incubator', () => {
    const inc = data.incubators.find((i) => i.key === 'inc:wuhan-east-lake-innovation-center')!;
    expect(inc.foundedOn).toBe('1987-06');
    expect(inc.hostZoneKey).toBe('zone:wuhan-east-lake');
    const first = inc.facts?.find((f) => f.field === 'firstInChina');
    expect(first?.text).toMatch(/can be traced back to Wuhan East Lake Innovation Center/);
    expect(first?.source).toMatch(/^seeds\/001_/);
  });

  it('Jinan High-Tech Business Incubator: 1992, certified national level in 1998', () => {
    const inc = data.incubators.find((i) => i.key === 'inc:jinan-hightech-business-incubator')!;
    expect(inc.foundedOn).toBe('1992');
    expect(inc.hostZoneKey).toBe('zone:jinan');
    expect(inc.certifications).toContainEqual({ name: 'National Level High-Tech Business Incubator', year: 1998 });
  });

  it('names the incubators and makerspaces of the brief', () => {
    const names = data.incubators.map((i) => i.names.en);
    for (const n of [
      'Legend Star',
      '3W Café',
      'Angel Crunch',
      'YOU+',
      'Yonggang Modern Park',
      'COMSATS Business Incubation Centre',
      'Chengdu High-tech Business Incubator',
    ])
      expect(names).toContain(n);
  });

  it('stage facts only where a seed states them', () => {
    const ent = (key: string) => data.enterprises.find((e) => e.key === key)!;
    for (const key of ['ent:toutiao', 'ent:megvii', 'ent:cambricon']) {
      expect(ent(key).stageFacts?.unicorn, key).toBe(true);
      expect(ent(key).stageFacts?.source).toMatch(/^seeds\/003_/);
    }
    expect(ent('ent:suntech-power').stageFacts?.listed).toBe(true);
    expect(ent('ent:lenovo').stageFacts).toBeUndefined();
  });

  it('the governance chain State Council → MOST → Torch Center → zones, and the zone committees', () => {
    const has = (p: string, c: string) => data.governance.some((g) => g.parentKey === p && g.childKey === c && g.relation === 'oversees');
    expect(has('inst:state-council', 'inst:most')).toBe(true);
    expect(has('inst:most', 'inst:torch-center')).toBe(true);
    expect(has('inst:most', 'inst:shandong-st-department')).toBe(true);
    expect(has('inst:shandong-st-department', 'inst:jinan-hightech-zone-administration')).toBe(true);
    expect(has('inst:jinan-hightech-zone-administration', 'zone:jinan')).toBe(true);
    expect(has('inst:zgc-administrative-commission', 'zone:zhongguancun')).toBe(true);
    const torchZones = data.governance.filter((g) => g.parentKey === 'inst:torch-center').map((g) => g.childKey);
    expect(torchZones).toHaveLength(54);
  });

  it('finds Zhongguancun by 中关村 and by zhongguancun', () => {
    const find = (q: string) =>
      data.zones.filter((z) => [z.names.en, z.names.zh, z.names.ur, z.nativeName].some((n) => n?.toLowerCase().includes(q.toLowerCase()))).map((z) => z.key);
    expect(find('中关村')).toContain('zone:zhongguancun');
    expect(find('zhongguancun')).toContain('zone:zhongguancun');
    expect(find('ژونگ گوان سون')).toContain('zone:zhongguancun');
  });
});
