import { and, eq, inArray } from 'drizzle-orm';
import { type AuditEntry, type Tx, withTransaction, writeAuditMany } from '../../../platform/audit/audit';
import type { Ctx } from '../../../platform/context';
import { enterprises, incubators, institutions, investors, type Names, people, zones } from '../../registry/registry.tables';
import {
  coopAgreementParties,
  coopAgreements,
  coopCommitments,
  coopDelegationMembers,
  coopDelegations,
  coopFocalPersons,
  coopFollowUps,
  coopItineraryStops,
  coopOpportunities,
  type OrgRef,
} from '../cooperation.tables';
import { nativeName } from '../opportunities/org-ref';
import { type CooperationReference, readCooperationReference } from './reference-files';

const TABLES = {
  inst: ['institution', institutions],
  zone: ['zone', zones],
  inc: ['incubator', incubators],
  ent: ['enterprise', enterprises],
  inv: ['investor', investors],
  person: ['person', people],
} as const;
type Prefix = keyof typeof TABLES;
type Entity = { type: string; id: string; name: string; country: string };

/** Every registry key the records name, resolved by the registry tables' `key` column (people by the people table). */
async function resolveKeys(tx: Tx, keys: Set<string>): Promise<Map<string, Entity>> {
  const byPrefix = new Map<Prefix, string[]>();
  for (const key of keys) {
    const prefix = key.split(':')[0] as Prefix;
    if (!(prefix in TABLES)) continue;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), key]);
  }
  const out = new Map<string, Entity>();
  for (const [prefix, list] of byPrefix) {
    const [type, table] = TABLES[prefix];
    const rows = await tx
      .select({ key: table.key, id: table.id, names: table.names, nativeName: table.nativeName, country: table.country })
      .from(table)
      .where(inArray(table.key, list));
    for (const r of rows)
      if (r.key) out.set(r.key, { type, id: r.id, name: nativeName(r as { names: Names; nativeName: string | null; country: string }), country: r.country });
  }
  return out;
}

function referencedKeys(data: CooperationReference): Set<string> {
  const keys = new Set<string>();
  const add = (k: string | null | undefined) => k && /^(inst|zone|inc|ent|inv|person):/.test(k) && keys.add(k);
  for (const a of data.agreements) for (const p of a.parties) add(p.org);
  for (const d of data.delegations) {
    add(d.host);
    add(d.guest);
    for (const m of d.members) {
      add(m.person);
      add(m.organisation);
    }
    for (const s of d.itinerary) {
      s.visited.forEach(add);
      for (const m of s.meetings) m.with.forEach(add);
    }
  }
  for (const f of data.focalPersons) {
    add(f.organisation);
    add(f.person);
  }
  for (const o of data.opportunities) add(o.offeredBy);
  return keys;
}

class MissingKey extends Error {}

/**
 * Loads the cooperation reference records (the 2018 delegation with its itinerary, focal persons, offers and
 * follow-ups; the STZA–ZBRA letter of intent; the dual and sister parks) in one transaction, published, each with
 * an audit entry. Idempotent by key: a record already there is left as it is, so a second start changes nothing.
 * A record naming a registry key the registry lacks is skipped (logged), not loaded half.
 */
export async function loadCooperationReference(ctx: Ctx, data: CooperationReference = readCooperationReference()): Promise<{ loaded: number }> {
  return withTransaction(ctx, async (tx) => {
    const entities = await resolveKeys(tx, referencedKeys(data));
    const entity = (key: string): Entity => {
      const e = entities.get(key);
      if (!e) throw new MissingKey(key);
      return e;
    };
    const org = (key: string): OrgRef => {
      const e = entity(key);
      return { entityType: e.type, entityId: e.id, name: e.name, country: e.country };
    };
    const nameOf = (keyOrName: string) => (/^(inst|zone|inc|ent|inv|person):/.test(keyOrName) ? entity(keyOrName).name : keyOrName);
    const audits: AuditEntry[] = [];
    let loaded = 0;
    const guarded = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
        loaded++;
      } catch (e) {
        if (!(e instanceof MissingKey)) throw e;
        ctx.log.warn({ record: what, key: e.message }, 'cooperation reference record skipped: the registry has no such key');
      }
    };

    // Agreements with their parties (and commitments where the seed states one).
    const agreementIds = new Map<string, string>();
    const haveAgreements = await tx
      .select({ id: coopAgreements.id, key: coopAgreements.key })
      .from(coopAgreements)
      .where(inArray(coopAgreements.key, data.agreements.map((a) => a.key).concat('')));
    for (const a of haveAgreements) if (a.key) agreementIds.set(a.key, a.id);
    for (const a of data.agreements) {
      if (agreementIds.has(a.key)) continue;
      await guarded(a.key, async () => {
        const parties = a.parties.map((p) => ({ ...org(p.org), signatory: p.signatory }));
        const [row] = await tx
          .insert(coopAgreements)
          .values({
            key: a.key,
            type: a.type,
            title: a.title,
            summary: a.summary,
            signedOn: a.signedOn,
            signedYear: a.signedOn ? null : (a.signedYear ?? null),
            signedPlace: a.signedPlace,
            signedVirtually: a.signedVirtually,
            areas: a.areas,
            stage: a.stage,
            ways: a.ways,
            renewal: a.renewal,
            status: 'published',
            internalNotes: a.remark ?? null,
            source: a.source,
          })
          .returning();
        const partyRows = await tx
          .insert(coopAgreementParties)
          .values(
            parties.map((p, position) => ({
              agreementId: row.id,
              position,
              entityType: p.entityType,
              entityId: p.entityId,
              name: p.name,
              country: p.country,
              signatory: p.signatory,
            })),
          )
          .returning();
        if (a.commitments.length) {
          await tx
            .insert(coopCommitments)
            .values(
              a.commitments.map((c) => ({ agreementId: row.id, deliverable: c.deliverable, owedBy: partyRows[c.owedBy].id, dueOn: c.dueOn, source: c.source })),
            );
        }
        agreementIds.set(a.key, row.id);
        audits.push({
          action: 'cooperation.reference.agreement',
          entityType: 'coop_agreement',
          entityId: row.id,
          after: { ...row, parties: partyRows, commitments: a.commitments },
        });
      });
    }

    // Delegations with members and itinerary.
    const delegationIds = new Map<string, string>();
    const haveDelegations = await tx
      .select({ id: coopDelegations.id, key: coopDelegations.key })
      .from(coopDelegations)
      .where(inArray(coopDelegations.key, data.delegations.map((d) => d.key).concat('')));
    for (const d of haveDelegations) if (d.key) delegationIds.set(d.key, d.id);
    for (const d of data.delegations) {
      if (delegationIds.has(d.key)) continue;
      await guarded(d.key, async () => {
        const members = d.members.map((m, position) => ({
          position,
          personId: entity(m.person).id,
          name: entity(m.person).name,
          side: m.side,
          role: m.role,
          organisation: m.organisation ? org(m.organisation) : null,
        }));
        const stops = d.itinerary.map((s, position) => ({
          day: s.day,
          position,
          cityCode: s.cityCode,
          city: s.city,
          visited: s.visited.map(org),
          meetings: s.meetings.map((m, i) => ({ title: m.title, with: m.with.map(nameOf), notes: m.notes ?? (i === 0 ? s.notes : null) })),
          source: s.source,
        }));
        const [row] = await tx
          .insert(coopDelegations)
          .values({
            key: d.key,
            title: d.title,
            purpose: d.purpose,
            hostCountry: d.hostCountry,
            guestCountry: d.guestCountry,
            host: d.host ? org(d.host) : null,
            guest: d.guest ? org(d.guest) : null,
            startsOn: d.startsOn,
            endsOn: d.endsOn,
            status: 'published',
            internalNotes: d.remark ?? null,
            source: d.source,
          })
          .returning();
        if (members.length) await tx.insert(coopDelegationMembers).values(members.map((m) => ({ ...m, delegationId: row.id })));
        if (stops.length) await tx.insert(coopItineraryStops).values(stops.map((s) => ({ ...s, delegationId: row.id })));
        delegationIds.set(d.key, row.id);
        audits.push({
          action: 'cooperation.reference.delegation',
          entityType: 'coop_delegation',
          entityId: row.id,
          after: { ...row, members, itinerary: stops },
        });
      });
    }
    const linkedDelegation = (key: string | null) => {
      if (!key) return null;
      const id = delegationIds.get(key);
      if (!id) throw new MissingKey(key);
      return id;
    };

    // Focal persons (a record without a person is an open slot).
    const haveFocal = new Set(
      (
        await tx
          .select({ key: coopFocalPersons.key })
          .from(coopFocalPersons)
          .where(inArray(coopFocalPersons.key, data.focalPersons.map((f) => f.key).concat('')))
      ).map((r) => r.key),
    );
    for (const f of data.focalPersons) {
      if (haveFocal.has(f.key)) continue;
      await guarded(f.key, async () => {
        const person = f.person ? entity(f.person) : null;
        const [row] = await tx
          .insert(coopFocalPersons)
          .values({
            key: f.key,
            country: f.country,
            organisation: org(f.organisation),
            topic: f.topic,
            personId: person?.id ?? null,
            personName: person?.name ?? null,
            delegationId: linkedDelegation(f.delegation),
            promisedOn: f.promisedOn,
            appointedOn: f.appointedOn,
            source: f.source,
          })
          .returning();
        audits.push({ action: 'cooperation.reference.focal_person', entityType: 'coop_focal_person', entityId: row.id, after: row });
      });
    }

    // Offers on the board, open.
    const haveOpportunities = new Set(
      (
        await tx
          .select({ key: coopOpportunities.key })
          .from(coopOpportunities)
          .where(inArray(coopOpportunities.key, data.opportunities.map((o) => o.key).concat('')))
      ).map((r) => r.key),
    );
    for (const o of data.opportunities) {
      if (haveOpportunities.has(o.key)) continue;
      await guarded(o.key, async () => {
        const [row] = await tx
          .insert(coopOpportunities)
          .values({
            key: o.key,
            kind: o.kind,
            title: o.title,
            description: o.description,
            offeredBy: org(o.offeredBy),
            forCountry: o.forCountry,
            city: o.city,
            places: o.places ?? null,
            placesPerYear: o.placesPerYear ?? null,
            eligibility: o.eligibility,
            status: 'open',
            delegationId: linkedDelegation(o.delegation),
            source: o.source,
          })
          .returning();
        audits.push({ action: 'cooperation.reference.opportunity', entityType: 'coop_opportunity', entityId: row.id, after: row });
      });
    }

    // Follow-ups: the table has no key column; a follow-up is the same record when its delegation and source are.
    for (const f of data.followUps) {
      await guarded(f.key, async () => {
        const delegationId = linkedDelegation(f.delegation)!;
        const [there] = await tx
          .select({ id: coopFollowUps.id })
          .from(coopFollowUps)
          .where(and(eq(coopFollowUps.delegationId, delegationId), eq(coopFollowUps.source, f.source)));
        if (there) {
          loaded--;
          return;
        }
        const [row] = await tx
          .insert(coopFollowUps)
          .values({ delegationId, action: f.action, country: f.country, ownerName: f.ownerName, dueOn: f.dueOn, source: f.source })
          .returning();
        audits.push({ action: 'cooperation.reference.follow_up', entityType: 'coop_follow_up', entityId: row.id, after: { key: f.key, ...row } });
      });
    }

    await writeAuditMany(tx, ctx, audits);
    return { loaded };
  });
}
