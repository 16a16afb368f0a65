import { describe, expect, it } from 'vitest';
import { CONTRACT_KINDS, CONTRACT_SUBTYPES } from '../../../../shared/contracts/techmarket';
import { type ContractFacts, checkContract, contractYear, explainProblems, sidesOf } from './contract-rules';

const TODAY = '2025-06-30';
const seller = { role: 'seller' as const, ownerType: 'institution', ownerId: 'a', country: 'CN' };
const buyer = { role: 'buyer' as const, ownerType: 'enterprise', ownerId: 'b', country: 'PK' };
const ok: ContractFacts = {
  kind: 'transfer',
  subtype: 'patent',
  parties: [seller, buyer],
  amount: 1_200_000,
  techIncome: 1_000_000,
  signedOn: '2025-03-01',
  startsOn: '2025-03-15',
  endsOn: '2026-03-14',
};
const rules = (f: Partial<ContractFacts>) => checkContract({ ...ok, ...f }, TODAY).map((p) => p.rule);

describe('technology contract rules', () => {
  it('passes a well-formed patent transfer from a Wuhan lab to a Sialkot manufacturer', () => {
    expect(checkContract(ok, TODAY)).toEqual([]);
  });

  it('knows the four kinds and their sub-types (issue 6, GLOSSARY.md)', () => {
    expect(CONTRACT_KINDS).toEqual(['development', 'transfer', 'consulting', 'service']);
    expect(CONTRACT_SUBTYPES.development).toEqual(['commissioned', 'cooperative']);
    expect(CONTRACT_SUBTYPES.transfer).toEqual(['patent', 'patent_application', 'licence', 'know_how']);
    expect(CONTRACT_SUBTYPES.service).toEqual(expect.arrayContaining(['training', 'intermediary']));
    for (const kind of CONTRACT_KINDS) for (const subtype of CONTRACT_SUBTYPES[kind]) expect(rules({ kind, subtype })).toEqual([]);
  });

  it('refuses a sub-type of another kind', () => {
    expect(rules({ kind: 'development', subtype: 'patent' })).toEqual(['subtype_not_of_kind']);
    expect(rules({ kind: 'consulting', subtype: 'training' })).toEqual(['subtype_not_of_kind']);
    expect(rules({ kind: 'nonsense' as never })).toEqual(['unknown_kind']);
  });

  it('needs at least one buyer and one seller; an intermediary is neither', () => {
    expect(rules({ parties: [seller] })).toEqual(['no_buyer']);
    expect(rules({ parties: [buyer, { ...buyer, role: 'intermediary' }] })).toEqual(['no_seller']);
    expect(rules({ parties: [{ ...seller, role: 'intermediary' }] })).toEqual(['no_buyer', 'no_seller']);
  });

  it('refuses the same registry entity on both sides, not two free-text parties', () => {
    expect(rules({ parties: [seller, { ...seller, role: 'buyer' }] })).toEqual(['same_party']);
    expect(
      rules({
        parties: [
          { ...seller, ownerId: null },
          { ...buyer, ownerId: null },
        ],
      }),
    ).toEqual([]);
  });

  it('keeps the technology income within the amount, both to the cent', () => {
    expect(rules({ techIncome: 1_200_000 })).toEqual([]);
    expect(rules({ techIncome: 1_200_000.01 })).toEqual(['tech_income_above_amount']);
    expect(rules({ amount: 100.005, techIncome: 100 })).toEqual(['amount_cents']);
    expect(rules({ amount: 0.1 + 0.2, techIncome: 0.1 })).toEqual([]);
  });

  it('checks the dates: ends on or after it starts, signed no later than today', () => {
    expect(rules({ endsOn: '2025-03-15' })).toEqual([]);
    expect(rules({ endsOn: '2025-03-14' })).toEqual(['ends_before_start']);
    expect(rules({ startsOn: null, endsOn: '2020-01-01' })).toEqual([]);
    expect(rules({ signedOn: TODAY })).toEqual([]);
    expect(rules({ signedOn: '2025-07-01' })).toEqual(['signed_in_future']);
  });

  it('is cross-border when a seller and a buyer are in different countries, whatever the intermediary', () => {
    expect(sidesOf(ok.parties)).toEqual({ sellerCountry: 'CN', buyerCountry: 'PK', crossBorder: true });
    expect(sidesOf([seller, { ...buyer, country: 'CN' }, { role: 'intermediary', country: 'PK' }]).crossBorder).toBe(false);
    expect(sidesOf([seller, { ...seller, ownerId: 'c', country: 'PK' }, { ...buyer, country: 'CN' }]).crossBorder).toBe(true);
  });

  it('counts a contract in the year it was signed (seeds/001: "In 2005, 260,000 technology contracts closed")', () => {
    expect(contractYear('2005-12-31')).toBe(2005);
  });

  it('explains every failure in English, Chinese and Urdu', () => {
    const problems = checkContract({ ...ok, kind: 'development', subtype: 'patent', techIncome: 2_000_000, signedOn: '2099-01-01', parties: [seller] }, TODAY);
    expect(problems.map((p) => p.rule)).toEqual(['subtype_not_of_kind', 'no_buyer', 'tech_income_above_amount', 'signed_in_future']);
    const en = explainProblems(problems, 'en');
    expect(en[0]).toMatchObject({ path: 'subtype', code: 'techContracts.subtype_not_of_kind' });
    expect(en[0].message).toContain('technology development contract');
    expect(en[0].message).toContain('commissioned development, cooperative development');
    expect(en[2].message).toContain('2000000');
    const zh = explainProblems(problems, 'zh');
    expect(zh[0].message).toContain('技术开发合同');
    expect(zh[1].message).toContain('买方');
    const ur = explainProblems(problems, 'ur');
    expect(ur[1].message).toContain('خریدار');
    for (const lang of ['en', 'zh', 'ur'] as const) {
      for (const d of explainProblems(problems, lang)) {
        expect(d.message).not.toMatch(/techContracts\.|\{\{/);
      }
    }
  });
});
