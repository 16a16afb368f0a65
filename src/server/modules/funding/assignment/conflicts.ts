import type { Application, AssignmentInstance, JointApplication, Reviewer } from './instance';

/**
 * Conflicts of interest between reviewers and applications, derived from the data, each with its reason:
 * - `declared`: the reviewer declared a conflict with the applicant enterprise or one of its institutions;
 * - `same-organisation`: the reviewer works for the applicant enterprise or one of its institutions;
 * - `same-institution`: the reviewer is affiliated with the applicant enterprise or one of its institutions;
 * - `applicant`: the reviewer is a person on the application;
 * - `joint-application`: the reviewer was a co-applicant, on an earlier application, of a person on this one;
 * - `declared-pair`: the reviewer declined this very application (e.g. when asked to review it).
 * A conflicted pair is never assigned.
 */

export type ConflictKind = 'declared' | 'same-organisation' | 'same-institution' | 'applicant' | 'joint-application' | 'declared-pair';
/** `detail`: the shared organisation, the person, the earlier application, or the note of a declined pair. */
export type ConflictReason = { kind: ConflictKind; detail: string };
export type Conflict = { applicationId: string; reviewerId: string; reasons: ConflictReason[] };

const KIND_ORDER: ConflictKind[] = ['declared', 'declared-pair', 'applicant', 'same-organisation', 'same-institution', 'joint-application'];
const byKindThenDetail = (x: ConflictReason, y: ConflictReason) =>
  KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || (x.detail < y.detail ? -1 : x.detail > y.detail ? 1 : 0);

const organisationsOf = (a: Application) => [a.enterpriseId, ...a.institutionIds];

/** The reasons one pair is conflicted (empty: no conflict). `history` and `pairConflicts` as in the instance. */
export function conflictReasons(
  application: Application,
  reviewer: Reviewer,
  history: readonly JointApplication[] = [],
  pairConflicts: AssignmentInstance['pairConflicts'] = [],
): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  const orgs = new Set(organisationsOf(application));
  for (const e of new Set(reviewer.declaredConflicts)) if (orgs.has(e)) reasons.push({ kind: 'declared', detail: e });
  if (orgs.has(reviewer.organisationId)) reasons.push({ kind: 'same-organisation', detail: reviewer.organisationId });
  for (const e of new Set(reviewer.affiliationIds)) if (orgs.has(e)) reasons.push({ kind: 'same-institution', detail: e });
  const applicants = new Set(application.applicantPersonIds);
  if (applicants.has(reviewer.personId)) reasons.push({ kind: 'applicant', detail: reviewer.personId });
  for (const h of history) {
    if (h.personIds.includes(reviewer.personId) && h.personIds.some((p) => p !== reviewer.personId && applicants.has(p))) {
      reasons.push({ kind: 'joint-application', detail: h.id });
    }
  }
  for (const p of pairConflicts ?? []) {
    if (p.applicationId === application.id && p.reviewerId === reviewer.id) reasons.push({ kind: 'declared-pair', detail: p.note ?? '' });
  }
  return dedupe(reasons).sort(byKindThenDetail);
}

/** The list under `key`, created empty if missing. */
function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

function dedupe(reasons: ConflictReason[]): ConflictReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.kind}\u0000${r.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every conflicted pair of an instance, with reasons: application id → reviewer id → reasons. Built from
 * indexes (organisation → reviewers, person → earlier applications), so its cost follows the number of
 * conflicts, not applications × reviewers. Gives the same reasons as `conflictReasons` pair by pair.
 */
export function deriveConflicts(instance: AssignmentInstance): Map<string, Map<string, ConflictReason[]>> {
  const byOrganisation = new Map<string, { reviewer: Reviewer; kind: ConflictKind }[]>();
  const addOrg = (org: string, reviewer: Reviewer, kind: ConflictKind) => {
    const list = listIn(byOrganisation, org);
    list.push({ reviewer, kind });
  };
  const reviewerByPerson = new Map<string, Reviewer[]>();
  for (const r of instance.reviewers) {
    for (const e of new Set(r.declaredConflicts)) addOrg(e, r, 'declared');
    addOrg(r.organisationId, r, 'same-organisation');
    for (const e of new Set(r.affiliationIds)) addOrg(e, r, 'same-institution');
    const list = listIn(reviewerByPerson, r.personId);
    list.push(r);
  }
  const historyByPerson = new Map<string, JointApplication[]>();
  for (const h of instance.history ?? []) {
    for (const p of new Set(h.personIds)) {
      const list = listIn(historyByPerson, p);
      list.push(h);
    }
  }
  const declinedByApplication = new Map<string, { reviewerId: string; note: string }[]>();
  for (const p of instance.pairConflicts ?? []) {
    const list = listIn(declinedByApplication, p.applicationId);
    list.push({ reviewerId: p.reviewerId, note: p.note ?? '' });
  }

  const out = new Map<string, Map<string, ConflictReason[]>>();
  for (const a of instance.applications) {
    const found = new Map<string, ConflictReason[]>();
    const add = (reviewerId: string, reason: ConflictReason) => {
      const list = listIn(found, reviewerId);
      list.push(reason);
    };
    for (const org of new Set(organisationsOf(a))) for (const { reviewer, kind } of byOrganisation.get(org) ?? []) add(reviewer.id, { kind, detail: org });
    const applicants = new Set(a.applicantPersonIds);
    for (const p of applicants) {
      for (const r of reviewerByPerson.get(p) ?? []) add(r.id, { kind: 'applicant', detail: p });
      for (const h of historyByPerson.get(p) ?? []) {
        for (const q of h.personIds) {
          if (q === p) continue;
          for (const r of reviewerByPerson.get(q) ?? []) add(r.id, { kind: 'joint-application', detail: h.id });
        }
      }
    }
    for (const d of declinedByApplication.get(a.id) ?? []) add(d.reviewerId, { kind: 'declared-pair', detail: d.note });
    if (found.size === 0) continue;
    for (const [id, reasons] of found) found.set(id, dedupe(reasons).sort(byKindThenDetail));
    out.set(a.id, found);
  }
  return out;
}

/** The conflicted pairs as a flat list, ordered by application then reviewer id. */
export function listConflicts(instance: AssignmentInstance): Conflict[] {
  const out: Conflict[] = [];
  for (const [applicationId, byReviewer] of deriveConflicts(instance)) {
    for (const [reviewerId, reasons] of byReviewer) out.push({ applicationId, reviewerId, reasons });
  }
  return out.sort((x, y) => (x.applicationId < y.applicationId ? -1 : x.applicationId > y.applicationId ? 1 : x.reviewerId < y.reviewerId ? -1 : 1));
}
