import { describe, expect, it } from 'vitest';
import { deriveConflicts } from './conflicts';
import { generateInstance, TAXONOMY_CODES } from './instance';

describe('synthetic instances', () => {
  it('are deterministic, marked synthetic, and drawn from the taxonomy', () => {
    const a = generateInstance({ seed: 4, applications: 200, reviewers: 40 });
    expect(generateInstance({ seed: 4, applications: 200, reviewers: 40 })).toEqual(a);
    expect(generateInstance({ seed: 5, applications: 200, reviewers: 40 })).not.toEqual(a);
    expect(a.synthetic).toBe(true);
    expect(new Set(a.applications.map((x) => x.id)).size).toBe(200);
    for (const x of [...a.applications, ...a.reviewers]) for (const t of x.tags) expect(TAXONOMY_CODES).toContain(t);
    expect(a.reviewers.some((r) => r.senior)).toBe(true);
    expect(a.reviewers.some((r) => !r.senior)).toBe(true);
  });

  it('mix Chinese applications and have conflicts of every kind', () => {
    const inst = generateInstance({ seed: 6, applications: 400, reviewers: 60, chineseShare: 0.2, institutionsPerSector: 5 });
    const chinese = inst.applications.filter((x) => /[\u4e00-\u9fff]/.test(x.abstract));
    expect(chinese.length).toBeGreaterThan(40);
    const kinds = new Set([...deriveConflicts(inst).values()].flatMap((m) => [...m.values()].flatMap((rs) => rs.map((r) => r.kind))));
    expect(kinds).toEqual(new Set(['declared', 'same-organisation', 'same-institution', 'joint-application']));
  });
});
