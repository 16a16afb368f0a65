import type { Sector } from '../../../shared/contracts/techmarket';
import type { z } from 'zod';

type SectorT = z.infer<typeof Sector>;

/** Sectors for a picker: the taxonomy's top sectors, each followed by its own sub-sectors (indented). */
export function sectorOptions(sectors: readonly SectorT[], label: (code: string) => string): { value: string; label: string }[] {
  const children = new Map<string | null, SectorT[]>();
  for (const s of sectors) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const known = new Set(sectors.map((s) => s.code));
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const s of children.get(parent) ?? []) {
      out.push({ value: s.code, label: `${'\u2003'.repeat(depth)}${label(s.code)}` });
      if (depth < 4) walk(s.code, depth + 1);
    }
  };
  walk(null, 0);
  // A sector whose parent is not in the list would otherwise never be offered.
  for (const s of sectors) if (s.parent && !known.has(s.parent) && !out.some((o) => o.value === s.code)) out.push({ value: s.code, label: label(s.code) });
  return out;
}
