import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every namespace (file) in every language (folder) under locales/ must have the same keys, none empty.
 * Plural forms are compared by their base key: each language must have the forms its own plural rules
 * need (Chinese needs only `_other`, English and Urdu `_one` and `_other`).
 */
const LOCALES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Flat = Map<string, unknown>;

function flatten(obj: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, obj);
  }
  return out;
}

const languages = readdirSync(LOCALES)
  .filter((d) => statSync(path.join(LOCALES, d)).isDirectory())
  .sort();
const namespaces = [...new Set(languages.flatMap((l) => readdirSync(path.join(LOCALES, l)).filter((f) => f.endsWith('.json'))))].sort();

function load(lang: string, file: string): Flat | null {
  const p = path.join(LOCALES, lang, file);
  try {
    return flatten(JSON.parse(readFileSync(p, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`${lang}/${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Base keys, each with the plural categories present (empty set for a non-plural key). */
function shape(flat: Flat): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const m = key.match(PLURAL);
    const base = m ? key.slice(0, -m[0].length) : key;
    const forms = out.get(base) ?? new Set<string>();
    if (m) forms.add(m[1]);
    out.set(base, forms);
  }
  return out;
}

describe('translation catalogues', () => {
  it('has at least the three interface languages', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'ur', 'zh']));
  });

  for (const ns of namespaces) {
    describe(ns, () => {
      const catalogues = new Map(languages.map((l) => [l, load(l, ns)] as const));

      it('exists in every language', () => {
        const missing = languages.filter((l) => !catalogues.get(l));
        expect(missing, `${ns} is missing in: ${missing.join(', ')}`).toEqual([]);
      });

      it('has no empty or non-text values', () => {
        const bad: string[] = [];
        for (const [lang, flat] of catalogues) {
          for (const [key, value] of flat ?? []) {
            if (typeof value !== 'string' || value.trim() === '') bad.push(`${lang}/${ns}: ${key}`);
          }
        }
        expect(bad, `empty or non-string values:\n${bad.join('\n')}`).toEqual([]);
      });

      it('has the same keys in every language', () => {
        const shapes = new Map([...catalogues].filter(([, f]) => f).map(([l, f]) => [l, shape(f as Flat)] as const));
        const allBases = new Set([...shapes.values()].flatMap((s) => [...s.keys()]));
        const missing: string[] = [];
        for (const [lang, s] of shapes) {
          const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
          for (const base of allBases) {
            const isPlural = [...shapes.values()].some((o) => (o.get(base)?.size ?? 0) > 0);
            const forms = s.get(base);
            if (!forms) {
              missing.push(`${lang}/${ns}: ${base}${isPlural ? ' (plural)' : ''}`);
            } else if (isPlural) {
              for (const cat of needed) {
                // A language may use the bare key as its `other` form.
                if (!forms.has(cat) && !(cat === 'other' && forms.size === 0)) missing.push(`${lang}/${ns}: ${base}_${cat}`);
              }
            }
          }
        }
        expect(missing, `keys missing:\n${missing.join('\n')}`).toEqual([]);
      });
    });
  }
});
