import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GeographyFile, REFERENCE_DIR } from '../../registry/reference/reference.schema';

/**
 * Places the cities of an itinerary with the registry's geography (data/reference/geography.json — the same
 * divisions the registry loads into `divisions` and its map places zones with: a city's centre). Read once per
 * process; it is reference data, the same on every database.
 */
export type Division = GeographyFile['divisions'][number];
export type CountryNames = GeographyFile['countries'][number];

type Geography = { byCode: Map<string, Division>; cities: Division[]; countries: Map<string, CountryNames> };
let geography: Geography | null = null;

function load(): Geography {
  const file = GeographyFile.parse(JSON.parse(readFileSync(path.join(REFERENCE_DIR, 'geography.json'), 'utf8')));
  return {
    byCode: new Map(file.divisions.map((d) => [d.code, d])),
    // Cities first, then provinces (Beijing is both: the city 110100 wins), for name look-ups.
    cities: [...file.divisions.filter((d) => d.level === 'city'), ...file.divisions.filter((d) => d.level === 'province')],
    countries: new Map(file.countries.map((c) => [c.code, c])),
  };
}

function geo(): Geography {
  geography ??= load();
  return geography;
}

export const divisionOf = (code: string | null | undefined): Division | null => (code ? (geo().byCode.get(code) ?? null) : null);

/** A city name as written, for comparison: case, spaces and the Chinese 市 suffix do not count. */
const norm = (s: string) =>
  s
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/市$/, '')
    .replace(/ city$/, '');

/** The division a city name (in any of the three scripts) stands for, preferring the given countries in order. */
export function cityByName(name: string, preferCountries: readonly string[] = []): Division | null {
  const wanted = norm(name);
  if (!wanted) return null;
  const hits = geo().cities.filter((d) => [d.names.en, d.names.zh, d.names.ur].some((n) => n !== undefined && norm(n) === wanted));
  if (hits.length === 0) return null;
  for (const c of preferCountries) {
    const hit = hits.find((d) => d.country === c);
    if (hit) return hit;
  }
  return hits[0];
}

/** A stop's place on the map: the centre of its city (from its code), null when the geography has none. */
export function placeOf(cityCode: string | null): { lat: number | null; lon: number | null } {
  const d = divisionOf(cityCode);
  return { lat: d?.lat ?? null, lon: d?.lon ?? null };
}

/** A country's name in one of the three languages (its code when the geography does not know it). */
export function countryName(code: string, lang: 'en' | 'zh' | 'ur'): string {
  const c = geo().countries.get(code);
  return c ? (c.names[lang] ?? c.names.en) : code;
}
