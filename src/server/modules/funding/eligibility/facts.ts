/**
 * Facts from an enterprise's registry profile, to prefill the application form and evaluate the rules
 * before the applicant has typed anything. A field the registry does not know is left out (unknown),
 * never guessed: the registry stores no R&D activity (`doesRnd`), which the applicant declares, and a
 * missing certification date says nothing about certification, so `certifiedHighTech` is only ever `true`.
 *
 * Facts about the application and the call (`applicationsThisCall`, `lastFailedAcceptanceYear`,
 * `callYear`, `requestedGrantUsd`, `incubatorInvestment`) come from the caller, not from here.
 */

/** The registry enterprise fields read here (a row of `enterprises`, or the API's enterprise entity). */
export type EnterpriseProfile = {
  employees?: number | null;
  technicalStaff?: number | null;
  domesticOwnershipPct?: number | string | null;
  sector?: string | null;
  country?: string | null;
  foundedOn?: string | null;
  certifiedHighTechOn?: string | null;
  tenancyStatus?: string | null;
};

export type EnterpriseFacts = {
  employees?: number;
  technicalStaff?: number;
  domesticOwnershipPct?: number;
  sector?: string;
  country?: string;
  foundedYear?: number;
  certifiedHighTech?: true;
  tenancyStatus?: string;
};

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** PostgreSQL `numeric` may arrive as a string; a percentage must lie in 0–100. */
function pct(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}
const year = (v: unknown) => {
  const m = typeof v === 'string' ? /^(\d{4})(-\d{2}){0,2}$/.exec(v.trim()) : null;
  return m ? Number(m[1]) : undefined;
};

export function factsFromEnterprise(e: EnterpriseProfile): EnterpriseFacts {
  const facts: EnterpriseFacts = {
    employees: count(e.employees),
    technicalStaff: count(e.technicalStaff),
    domesticOwnershipPct: pct(e.domesticOwnershipPct),
    sector: text(e.sector),
    country: text(e.country),
    foundedYear: year(e.foundedOn),
    certifiedHighTech: year(e.certifiedHighTechOn) !== undefined ? true : undefined,
    tenancyStatus: text(e.tenancyStatus),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as EnterpriseFacts;
}
