// Matching quality of the technology market (issue 6) on the labelled set (src/server/modules/techmarket/matching/eval):
// precision@5 and recall@10 of Seedbed's matcher and of a plain keyword-search baseline (the same words only, no
// dictionary concepts), computed in memory in the same run. `npm run bench -- techmarket-quality` prints them and
// writes bench/results/techmarket-quality.json; bench/techmarket.ts puts the same figures in its table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateMatching, type Figures, type NeedResult } from '../src/server/modules/techmarket/matching/evaluate';

const LANGUAGES = ['en', 'zh', 'ur'] as const;

const round = (f: Figures): Figures => ({ p5: +f.p5.toFixed(4), r10: +f.r10.toFixed(4), mrr: +f.mrr.toFixed(4) });

function byLanguage(results: NeedResult[]) {
  return Object.fromEntries(
    LANGUAGES.map((lang) => {
      const rs = results.filter((r) => r.lang === lang);
      const mean = (f: (r: NeedResult) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
      return [lang, { needs: rs.length, ...round({ p5: mean((r) => r.p5), r10: mean((r) => r.r10), mrr: mean((r) => r.rr) }) }];
    }),
  );
}

export async function techmarketQuality() {
  const r = evaluateMatching();
  return {
    ours: round(r.ours.figures),
    baseline: round(r.baseline.figures),
    needs: r.needs,
    offers: r.offers,
    byLanguage: { ours: byLanguage(r.ours.byNeed), baseline: byLanguage(r.baseline.byNeed) },
    /** Needs whose relevant offers our matcher does not all place in its first ten. */
    missed: r.ours.byNeed.filter((n) => n.r10 < 1).map((n) => ({ need: n.id, lang: n.lang, relevant: n.relevant, top5: n.ranked.slice(0, 5) })),
  };
}

export async function techmarketQualityBench(): Promise<void> {
  const q = await techmarketQuality();
  console.log(`\nSeedbed technology-market matching quality — ${q.needs} needs (en, zh, ur), ${q.offers} offers\n`);
  console.log(`${'matcher'.padEnd(34)} ${'needs'.padStart(6)} ${'precision@5'.padStart(12)} ${'recall@10'.padStart(10)} ${'MRR'.padStart(7)}`);
  const line = (name: string, needs: number, f: Figures) =>
    console.log(
      `${name.padEnd(34)} ${String(needs).padStart(6)} ${f.p5.toFixed(3).padStart(12)} ${f.r10.toFixed(3).padStart(10)} ${f.mrr.toFixed(3).padStart(7)}`,
    );
  line('Seedbed matching', q.needs, q.ours);
  line('keyword-search baseline', q.needs, q.baseline);
  for (const lang of LANGUAGES) {
    line(`  ${lang} needs, Seedbed`, q.byLanguage.ours[lang].needs, q.byLanguage.ours[lang]);
    line(`  ${lang} needs, baseline`, q.byLanguage.baseline[lang].needs, q.byLanguage.baseline[lang]);
  }
  const out = path.join(import.meta.dirname, 'results', 'techmarket-quality.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), cores: os.cpus().length, ...q }, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}
