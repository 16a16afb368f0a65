import { CONTRACT_KINDS, CONTRACT_SUBTYPES, type ContractKind } from '../../../../shared/contracts/techmarket';
import { translate } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/roles';

/**
 * The rules a technology contract must meet before a technology transfer agency can register it. Pure:
 * (facts, today) → problems, each naming its field and a catalogue key (errors.json `techContracts.*`).
 *
 * Sources:
 * - The four kinds the technology market counts and their sub-types: PRODUCT.md module 5 ("development,
 *   transfer, consulting, service"), GLOSSARY.md (技术开发 / 技术转让 / 技术咨询 / 技术服务合同), issue 6
 *   ("development (commissioned or cooperative), transfer (patent, patent application, licence, know-how),
 *   consulting, service (including training and intermediary)"); seeds/002 names the same four ("enterprises
 *   engaged in technology development, transfer, consulting and services").
 * - Parties, countries, amount, the technology-income part, dates and the cross-border flag: issue 6
 *   ("parties, countries, amount and currency, the technology-income part, dates; … cross-border flag").
 * - Counted in the year signed: the market's yearly series (seeds/001: "In 2005, 260,000 technology
 *   contracts closed"; seeds/002: "In 2017, national technology contract transaction amount …").
 */

export type PartyRole = 'buyer' | 'seller' | 'intermediary';
export type ContractFacts = {
  kind: ContractKind;
  subtype: string;
  parties: { role: PartyRole; ownerType?: string | null; ownerId?: string | null; country: string }[];
  amount: number;
  techIncome: number;
  signedOn: string;
  startsOn?: string | null;
  endsOn?: string | null;
};
export type ContractProblem = { path: string; rule: ContractRule; params?: Record<string, unknown> };
export type ContractRule =
  | 'unknown_kind'
  | 'subtype_not_of_kind'
  | 'no_buyer'
  | 'no_seller'
  | 'same_party'
  | 'amount_cents'
  | 'tech_income_above_amount'
  | 'ends_before_start'
  | 'signed_in_future';

const cents = (x: number) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6;

/** Every rule the facts break (empty when the contract may be registered). `today` is an ISO date (YYYY-MM-DD). */
export function checkContract(f: ContractFacts, today: string): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (!(CONTRACT_KINDS as readonly string[]).includes(f.kind)) {
    problems.push({ path: 'kind', rule: 'unknown_kind', params: { kind: f.kind } });
  } else if (!(CONTRACT_SUBTYPES[f.kind] as readonly string[]).includes(f.subtype)) {
    problems.push({ path: 'subtype', rule: 'subtype_not_of_kind', params: { kind: f.kind, subtype: f.subtype, allowed: [...CONTRACT_SUBTYPES[f.kind]] } });
  }
  const buyers = f.parties.filter((p) => p.role === 'buyer');
  const sellers = f.parties.filter((p) => p.role === 'seller');
  if (buyers.length === 0) problems.push({ path: 'parties', rule: 'no_buyer' });
  if (sellers.length === 0) problems.push({ path: 'parties', rule: 'no_seller' });
  // A contract with oneself transfers nothing: the same registry entity cannot sit on both sides.
  const sellerIds = new Set(sellers.filter((p) => p.ownerId).map((p) => `${p.ownerType}:${p.ownerId}`));
  f.parties.forEach((p, i) => {
    if (p.role === 'buyer' && p.ownerId && sellerIds.has(`${p.ownerType}:${p.ownerId}`)) problems.push({ path: `parties.${i}`, rule: 'same_party' });
  });
  if (!cents(f.amount)) problems.push({ path: 'amount', rule: 'amount_cents' });
  if (!cents(f.techIncome)) problems.push({ path: 'techIncome', rule: 'amount_cents' });
  if (f.techIncome > f.amount) problems.push({ path: 'techIncome', rule: 'tech_income_above_amount', params: { techIncome: f.techIncome, amount: f.amount } });
  if (f.startsOn && f.endsOn && f.endsOn < f.startsOn)
    problems.push({ path: 'endsOn', rule: 'ends_before_start', params: { startsOn: f.startsOn, endsOn: f.endsOn } });
  if (f.signedOn > today) problems.push({ path: 'signedOn', rule: 'signed_in_future', params: { signedOn: f.signedOn, today } });
  return problems;
}

/** Where the technology comes from and where it goes: the first seller's and the first buyer's country. */
export function sidesOf(parties: ContractFacts['parties']): { sellerCountry: string; buyerCountry: string; crossBorder: boolean } {
  const sellers = parties.filter((p) => p.role === 'seller').map((p) => p.country);
  const buyers = parties.filter((p) => p.role === 'buyer').map((p) => p.country);
  // Cross-border when technology passes between countries: some seller and some buyer are in different ones
  // (an intermediary's country does not make a domestic deal foreign).
  const crossBorder = sellers.some((s) => buyers.some((b) => b !== s));
  return { sellerCountry: sellers[0] ?? '', buyerCountry: buyers[0] ?? '', crossBorder };
}

/** The statistical year: the year the contract was signed. */
export const contractYear = (signedOn: string): number => Number(signedOn.slice(0, 4));

/** Each problem in the reader's language, as the error details of a 422. */
export function explainProblems(problems: ContractProblem[], lang: Language): { path: string; code: string; message: string }[] {
  return problems.map((p) => {
    const params: Record<string, unknown> = { ...p.params };
    if (p.params?.kind) params.kind = translate(lang, `techContracts.kinds.${p.params.kind}`);
    if (Array.isArray(p.params?.allowed)) params.allowed = (p.params.allowed as string[]).map((s) => translate(lang, `techContracts.subtypes.${s}`)).join(', ');
    if (p.params?.subtype) params.subtype = String(p.params.subtype);
    return { path: p.path, code: `techContracts.${p.rule}`, message: translate(lang, `techContracts.${p.rule}`, params) };
  });
}
