import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReferences, Fact, loadReferenceData, Names, parseSource, REFERENCE_DIR, ReferenceDataError, RecordSource, Zone } from './reference.schema';

/** The schema and the loader's checks, on the shipped data and on broken copies of it. */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of data/reference/ with `edit` applied to the named files. */
// biome-ignore lint/suspicious/noExplicitAny: free-form edits of the parsed JSON
function brokenCopy(edits: Record<string, (json: any) => unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seedbed-reference-'));
  dirs.push(dir);
  cpSync(REFERENCE_DIR, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const p = path.join(dir, file);
    writeFileSync(p, JSON.stringify(edit(JSON.parse(readFileSync(p, 'utf8')))));
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadReferenceData(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ReferenceDataError);
    return (err as ReferenceDataError).problems;
  }
  throw new Error('expected loadReferenceData to throw');
}

describe('loadReferenceData', () => {
  it('loads the shipped data set from data/reference/', () => {
    const data = loadReferenceData();
    expect(data.geography.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['CN', 'PK', 'MY', 'FR', 'SG', 'IR']));
    expect(data.zones.find((z) => z.key === 'zone:zhongguancun')?.names.zh).toBe('中关村科技园区');
  });

  it('lists every broken cross-reference, not just the first', () => {
    const dir = brokenCopy({
      'zones.json': (zones) => {
        zones[0].governingBodyKey = 'inst:no-such-committee';
        zones[1].parentKey = 'zone:nowhere';
        zones[2].province = '990000';
        zones[3].city = '370100'; // Jinan, but the zone is in Hebei
        return zones;
      },
      'incubators.json': (incs) => {
        incs[1].hostZoneKey = 'zone:missing';
        return incs;
      },
      'people.json': (people) => {
        people[0].affiliations.push({ orgKey: 'inst:nobody', position: 'x' });
        return people;
      },
      'enterprises.json': (ents) => [...ents, { ...ents[0] }],
      'governance.json': (links) => [...links, { parentKey: 'inst:most', childKey: 'inst:most', relation: 'oversees', source: links[0].source }],
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/zone:zhongguancun\.governingBodyKey → inst:no-such-committee does not exist/),
        expect.stringMatching(/zone:tianjin\.parentKey → zone:nowhere does not exist/),
        expect.stringMatching(/zone:shijiazhuang\.province 990000 is not in geography.json/),
        expect.stringMatching(/zone:baoding\.city 370100 is not in province 130000/),
        expect.stringMatching(/hostZoneKey → zone:missing does not exist/),
        expect.stringMatching(/affiliations\[\d+\]\.orgKey → inst:nobody does not exist/),
        expect.stringMatching(/enterprises.json: duplicate key ent:lenovo/),
        expect.stringMatching(/links inst:most to itself/),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses a key with the wrong type prefix in the schema, before cross-referencing', () => {
    const dir = brokenCopy({
      'investors.json': (invs) => {
        invs[0].key = 'inst:most';
        return invs;
      },
      'incubators.json': (incs) => {
        incs[0].hostZoneKey = 'inst:torch-center';
        return incs;
      },
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/incubators.json: \[0\]\.hostZoneKey \(inc:[a-z0-9-]+\): a slug starting with zone:/),
      expect.stringMatching(/investors.json: \[0\]\.key \(inst:most\): a slug starting with inv:/),
    ]);
  });

  it('checkReferences: a key of the wrong type, and a key repeated in two files', () => {
    const data = loadReferenceData();
    const inst = data.institutions[0]!.key;
    const broken = {
      ...data,
      zones: [...data.zones, { ...data.zones[1]!, key: 'zone:child', parentKey: inst as never }],
      enterprises: [...data.enterprises, { ...data.enterprises[0]!, key: 'zone:zhongguancun' as never }],
    };
    expect(checkReferences(broken)).toEqual([
      'enterprises.json: duplicate key zone:zhongguancun',
      `zones.json: zone:child.parentKey → ${inst} is of type institution, expected zone`,
    ]);
  });

  it('reports schema problems of every file with the key of the record', () => {
    const dir = brokenCopy({
      'zones.json': (zones) => {
        zones[0].kind = 'mega_zone';
        zones[1].approvalDate = '1988-13';
        zones[2].names = { en: 'X', zh: 'Not Chinese' };
        return zones;
      },
      'people.json': (people) => {
        people[0].email = 'someone@example.org';
        return people;
      },
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/zones.json: \[0\]\.kind \(zone:zhongguancun\)/),
        expect.stringMatching(/zones.json: \[1\]\.approvalDate \(zone:tianjin\): YYYY, YYYY-MM or YYYY-MM-DD/),
        expect.stringMatching(/zones.json: \[2\]\.names\.zh \(zone:shijiazhuang\): Chinese name must contain Chinese characters/),
        expect.stringMatching(/people.json: \[0\] \(person:liang-gui\): Unrecognized key: "email"/),
      ]),
    );
  });

  it('reports a file that is not JSON', () => {
    const dir = brokenCopy({});
    writeFileSync(path.join(dir, 'governance.json'), '[{');
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/^governance.json: /)]);
  });
});

describe('schemas', () => {
  it('sources: a seed with a locator for records; facts may omit the locator; three non-seed sources', () => {
    expect(RecordSource.safeParse('seeds/001_55069fa1c9af000a.txt#Appendix: 54 National STIPs').success).toBe(true);
    expect(RecordSource.safeParse('seeds/001_55069fa1c9af000a.txt').success).toBe(false);
    expect(RecordSource.safeParse('GB/T 2260').success).toBe(false);
    expect(Fact.safeParse({ text: 'Z-Park includes 16 member-parks', source: 'seeds/003_9139a8a9e0304334.txt' }).success).toBe(true);
    expect(Fact.safeParse({ text: 'x', source: 'GB/T 2260' }).success).toBe(true);
    expect(Fact.safeParse({ text: 'x', source: 'wikipedia' }).success).toBe(false);
  });

  it('parseSource splits file and locator', () => {
    expect(parseSource('seeds/003_9139a8a9e0304334.txt#STZA Chairman Amer Hashmi')).toEqual({
      file: 'seeds/003_9139a8a9e0304334.txt',
      locator: 'STZA Chairman Amer Hashmi',
    });
    expect(parseSource('seeds/003_9139a8a9e0304334.txt')).toEqual({ file: 'seeds/003_9139a8a9e0304334.txt', locator: null });
    expect(parseSource('ISO 3166')).toEqual({ file: null, locator: null });
  });

  it('names: Chinese in Han characters, Urdu in Arabic script', () => {
    expect(Names.safeParse({ en: 'Zhongguancun Science Park', zh: '中关村科技园区', ur: 'ژونگ گوان سون سائنس پارک' }).success).toBe(true);
    expect(Names.safeParse({ en: 'X', ur: 'Zhongguancun' }).success).toBe(false);
    expect(Names.safeParse({ zh: '中关村' }).success).toBe(false);
  });

  it('zones: kinds of the registry plus the reference additions; dates only as precise as known', () => {
    const base = { key: 'zone:x', names: { en: 'X' }, country: 'CN', source: 'seeds/001_55069fa1c9af000a.txt#Appendix' };
    expect(Zone.safeParse({ ...base, kind: 'national_hightech_zone', approvalDate: '1988' }).success).toBe(true);
    expect(Zone.safeParse({ ...base, kind: 'science_park', approvalDate: '1988-05' }).success).toBe(true);
    expect(Zone.safeParse({ ...base, kind: 'national_hightech_zone', approvalDate: 'May 1988' }).success).toBe(false);
    expect(Zone.safeParse({ ...base, key: 'inc:x', kind: 'national_hightech_zone' }).success).toBe(false);
    expect(Zone.safeParse({ ...base, kind: 'national_hightech_zone', appendixNo: 55 }).success).toBe(false);
  });
});
