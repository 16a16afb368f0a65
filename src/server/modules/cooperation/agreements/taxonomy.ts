import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { COOPERATION_WAYS, type Taxonomy } from '../../../../shared/contracts/cooperation';
import { repoRoot } from '../../../paths';
import { techmarketReference } from '../../techmarket/text/reference';

/**
 * The areas an agreement is about and the ways the sides cooperate. Areas: the technology market's sectors
 * (data/reference/techmarket/sectors.json — semiconductors, cloud computing, AI, … as seeds/003 lists them) and the
 * other subjects agreements between agencies and parks are about (data/reference/cooperation/areas.json, each citing
 * its seed). Ways: seeds/002 "Ways of Cooperation".
 */
const AreasFile = z.object({
  areas: z.array(
    z.object({
      key: z.string().min(1),
      labels: z.object({ en: z.string(), zh: z.string(), ur: z.string() }),
      sectors: z.array(z.string()),
      source: z.string().nullable(),
    }),
  ),
});

export const WAYS_SOURCE = 'seeds/002_d481d2e1475dd825.txt#Ways of Cooperation';

let cached: z.infer<typeof Taxonomy> | undefined;
let keys: Set<string> | undefined;

export function cooperationTaxonomy(): z.infer<typeof Taxonomy> {
  if (!cached) {
    const file = AreasFile.parse(JSON.parse(readFileSync(path.join(repoRoot, 'data', 'reference', 'cooperation', 'areas.json'), 'utf8')));
    const sectors = techmarketReference().sectors.map((s) => ({ key: s.code, labels: { ...s.names }, sectors: [s.code], source: s.source }));
    const own = file.areas.map((a) => ({ key: a.key, labels: { ...a.labels }, sectors: a.sectors, source: a.source }));
    cached = { areas: [...sectors, ...own], ways: COOPERATION_WAYS.map((key) => ({ key, source: WAYS_SOURCE })) };
  }
  return cached;
}

export function isArea(key: string): boolean {
  keys ??= new Set(cooperationTaxonomy().areas.map((a) => a.key));
  return keys.has(key);
}
