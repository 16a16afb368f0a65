import {
  type AffinityModel,
  type AffinityWeights,
  applicationText,
  buildModel,
  cosine,
  DEFAULT_WEIGHTS,
  jaccard,
  reviewerText,
  scoreUnits,
  type TermVector,
  terms,
  vectorOf,
} from './affinity';
import { type ConflictReason, deriveConflicts } from './conflicts';
import type { Application, AssignmentInstance, Reviewer } from './instance';

/**
 * An instance made ready for optimisation, once: applications and reviewers in id order (so every result
 * is independent of input order and ties fall by id), TF-IDF vectors, tag ids, conflicts by index.
 * Kept per instance object and weights: treat an instance as an immutable value.
 */
export type Prepared = {
  instance: AssignmentInstance;
  apps: Application[];
  revs: Reviewer[];
  appIndex: Map<string, number>;
  revIndex: Map<string, number>;
  model: AffinityModel;
  appVec: TermVector[];
  revVec: TermVector[];
  appTags: Int32Array[];
  revTags: Int32Array[];
  tagCount: number;
  /** Application id → reviewer id → reasons. */
  conflicts: Map<string, Map<string, ConflictReason[]>>;
  /** Per application, the conflicted reviewers' indices, ascending. */
  conflicted: Int32Array[];
};

const byId = <T extends { id: string }>(x: T, y: T) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
const cache = new WeakMap<AssignmentInstance, Map<string, Prepared>>();

export function prepare(instance: AssignmentInstance, weights: AffinityWeights = DEFAULT_WEIGHTS): Prepared {
  const key = `${weights.text}/${weights.tags}`;
  let byWeights = cache.get(instance);
  const hit = byWeights?.get(key);
  if (hit) return hit;

  const apps = [...instance.applications].sort(byId);
  const revs = [...instance.reviewers].sort(byId);
  const appIndex = new Map(apps.map((a, i) => [a.id, i]));
  const revIndex = new Map(revs.map((r, i) => [r.id, i]));
  if (appIndex.size !== apps.length) throw new Error('duplicate application id');
  if (revIndex.size !== revs.length) throw new Error('duplicate reviewer id');

  const appTerms = apps.map((a) => terms(applicationText(a)));
  const revTerms = revs.map((r) => terms(reviewerText(r)));
  const model = buildModel([...appTerms, ...revTerms], weights);
  const appVec = appTerms.map((t) => vectorOf(t, model));
  const revVec = revTerms.map((t) => vectorOf(t, model));

  const tagIds = new Map<string, number>();
  const tagsOf = (tags: string[]) =>
    Int32Array.from(
      [...new Set(tags)].map((t) => {
        const id = tagIds.get(t) ?? tagIds.size;
        tagIds.set(t, id);
        return id;
      }),
    ).sort();
  const appTags = apps.map((a) => tagsOf(a.tags));
  const revTags = revs.map((r) => tagsOf(r.tags));

  const conflicts = deriveConflicts(instance);
  const conflicted = apps.map((a) => {
    const c = conflicts.get(a.id);
    if (!c) return new Int32Array(0);
    const idx: number[] = [];
    for (const rid of c.keys()) {
      const r = revIndex.get(rid);
      if (r !== undefined) idx.push(r);
    }
    return Int32Array.from(idx).sort();
  });

  const prepared: Prepared = {
    instance,
    apps,
    revs,
    appIndex,
    revIndex,
    model,
    appVec,
    revVec,
    appTags,
    revTags,
    tagCount: tagIds.size,
    conflicts,
    conflicted,
  };
  if (!byWeights) {
    byWeights = new Map();
    cache.set(instance, byWeights);
  }
  byWeights.set(key, prepared);
  return prepared;
}

/** Shared tags of two sorted id lists. */
export function sharedCount(x: Int32Array, y: Int32Array): number {
  let c = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      c++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return c;
}

/** Affinity of one pair, in score units (the same bits as `affinity().score × SCORE_UNIT`). */
export function pairUnits(p: Prepared, a: number, r: number): number {
  const shared = sharedCount(p.appTags[a], p.revTags[r]);
  return scoreUnits(cosine(p.appVec[a], p.revVec[r]), jaccard(shared, p.appTags[a].length, p.revTags[r].length), p.model.weights);
}

/** Whether reviewer `r` is conflicted with application `a` (binary search in the sorted list). */
export function isConflicted(p: Prepared, a: number, r: number): boolean {
  const list = p.conflicted[a];
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === r) return true;
    if (list[mid] < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
