import { SCORE_UNIT } from './affinity';
import type { Prepared } from './prepare';

/**
 * Scores one application against every reviewer at once, through an inverted index over the reviewers'
 * terms and tags: the cost follows the postings the application's terms reach, not reviewers × terms.
 * Gives the same bits as `pairUnits` pair by pair: the products are summed in the same (ascending term)
 * order, and the score formula is `scoreUnits` with `jaccard`, inlined.
 */
export class PairScorer {
  private readonly tStart: Int32Array;
  private readonly tRev: Int32Array;
  private readonly tW: Float64Array;
  private readonly gStart: Int32Array;
  private readonly gRev: Int32Array;
  private readonly revTagSize: Int32Array;
  private readonly acc: Float64Array;
  private readonly inter: Int32Array;

  constructor(private readonly p: Prepared) {
    const termCount = p.model.termList.length;
    const tStart = new Int32Array(termCount + 1);
    for (const v of p.revVec) for (const id of v.ids) tStart[id + 1]++;
    for (let i = 0; i < termCount; i++) tStart[i + 1] += tStart[i];
    const tRev = new Int32Array(tStart[termCount]);
    const tW = new Float64Array(tStart[termCount]);
    const tFill = tStart.slice(0, termCount);
    p.revVec.forEach((v, r) => {
      for (let i = 0; i < v.ids.length; i++) {
        const at = tFill[v.ids[i]]++;
        tRev[at] = r;
        tW[at] = v.weights[i];
      }
    });
    const gStart = new Int32Array(p.tagCount + 1);
    for (const tags of p.revTags) for (const g of tags) gStart[g + 1]++;
    for (let i = 0; i < p.tagCount; i++) gStart[i + 1] += gStart[i];
    const gRev = new Int32Array(gStart[p.tagCount]);
    const gFill = gStart.slice(0, p.tagCount);
    p.revTags.forEach((tags, r) => {
      for (const g of tags) gRev[gFill[g]++] = r;
    });
    this.tStart = tStart;
    this.tRev = tRev;
    this.tW = tW;
    this.gStart = gStart;
    this.gRev = gRev;
    this.revTagSize = Int32Array.from(p.revTags, (t) => t.length);
    this.acc = new Float64Array(p.revs.length);
    this.inter = new Int32Array(p.revs.length);
  }

  /** Scores (in score units) of application `a` against every reviewer, into `out`. */
  scoreAll(a: number, out: Int32Array): void {
    const { tStart, tRev, tW, gStart, gRev, revTagSize, acc, inter } = this;
    acc.fill(0);
    inter.fill(0);
    const v = this.p.appVec[a];
    for (let i = 0; i < v.ids.length; i++) {
      const wa = v.weights[i];
      const id = v.ids[i];
      const end = tStart[id + 1];
      for (let k = tStart[id]; k < end; k++) acc[tRev[k]] += wa * tW[k];
    }
    const tags = this.p.appTags[a];
    for (let i = 0; i < tags.length; i++) {
      const g = tags[i];
      const end = gStart[g + 1];
      for (let k = gStart[g]; k < end; k++) inter[gRev[k]]++;
    }
    const A = SCORE_UNIT * this.p.model.weights.text;
    const B = SCORE_UNIT * this.p.model.weights.tags;
    const sizeA = tags.length;
    const m = out.length;
    for (let r = 0; r < m; r++) {
      const x = acc[r];
      const c = Math.min(1, Math.max(0, x));
      const sh = inter[r];
      const j = sh === 0 ? 0 : sh / (sizeA + revTagSize[r] - sh);
      out[r] = (A * c + B * j + 0.5) | 0;
    }
  }
}
