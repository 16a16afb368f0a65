import { describe, expect, it } from 'vitest';
import { conflictReasons, deriveConflicts, listConflicts } from './conflicts';
import { type Application, type AssignmentInstance, generateInstance, type Reviewer } from './instance';

const app: Application = {
  id: 'app-1',
  title: 'Drone mapping',
  abstract: 'UAV mapping',
  tags: [],
  enterpriseId: 'ent-sky',
  institutionIds: ['inst-tsinghua'],
  applicantPersonIds: ['p-lead', 'p-co'],
};
const rev = (id: string, over: Partial<Reviewer>): Reviewer => ({
  id,
  personId: `p-${id}`,
  name: id,
  expertise: '',
  tags: [],
  senior: false,
  organisationId: 'org-neutral',
  affiliationIds: [],
  declaredConflicts: [],
  ...over,
});
const reviewers = [
  rev('declared', { declaredConflicts: ['ent-sky'] }),
  rev('employee', { organisationId: 'ent-sky' }),
  rev('faculty', { organisationId: 'inst-tsinghua' }),
  rev('adjunct', { affiliationIds: ['inst-tsinghua', 'inst-other'] }),
  rev('self', { personId: 'p-co' }),
  rev('coauthor', { personId: 'p-old-partner' }),
  rev('declined', {}),
  rev('clean', { affiliationIds: ['inst-other'], declaredConflicts: ['ent-other'] }),
];
const instance: AssignmentInstance = {
  applications: [app],
  reviewers,
  history: [
    { id: 'hist-2019', personIds: ['p-lead', 'p-old-partner'] },
    { id: 'hist-2020', personIds: ['p-stranger', 'p-old-partner'] },
  ],
  pairConflicts: [{ applicationId: 'app-1', reviewerId: 'declined', note: 'former supervisor' }],
};

describe('conflicts', () => {
  it('derives each kind of conflict, with its reason', () => {
    const found = deriveConflicts(instance).get('app-1')!;
    expect(Object.fromEntries(found)).toEqual({
      declared: [{ kind: 'declared', detail: 'ent-sky' }],
      employee: [{ kind: 'same-organisation', detail: 'ent-sky' }],
      faculty: [{ kind: 'same-organisation', detail: 'inst-tsinghua' }],
      adjunct: [{ kind: 'same-institution', detail: 'inst-tsinghua' }],
      self: [{ kind: 'applicant', detail: 'p-co' }],
      coauthor: [{ kind: 'joint-application', detail: 'hist-2019' }],
      declined: [{ kind: 'declared-pair', detail: 'former supervisor' }],
    });
    expect(found.has('clean')).toBe(false);
  });

  it('lists several reasons for one pair', () => {
    const both = rev('both', { organisationId: 'ent-sky', declaredConflicts: ['ent-sky'], personId: 'p-lead' });
    expect(conflictReasons(app, both, instance.history)).toEqual([
      { kind: 'declared', detail: 'ent-sky' },
      { kind: 'applicant', detail: 'p-lead' },
      { kind: 'same-organisation', detail: 'ent-sky' },
    ]);
  });

  it('derives from indexes exactly what the pair-by-pair rules say', () => {
    const inst = generateInstance({ seed: 5, applications: 300, reviewers: 80, institutionsPerSector: 6, history: 200 });
    inst.pairConflicts = [{ applicationId: inst.applications[3].id, reviewerId: inst.reviewers[4].id }];
    const derived = deriveConflicts(inst);
    let count = 0;
    for (const a of inst.applications) {
      for (const r of inst.reviewers) {
        const expected = conflictReasons(a, r, inst.history, inst.pairConflicts);
        expect(derived.get(a.id)?.get(r.id) ?? []).toEqual(expected);
        if (expected.length) count++;
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(listConflicts(inst)).toHaveLength(count);
    expect(new Set(listConflicts(inst).flatMap((c) => c.reasons.map((x) => x.kind)))).toEqual(
      new Set(['declared', 'same-organisation', 'same-institution', 'joint-application', 'declared-pair']),
    );
  });
});
