import { describe, expect, it } from 'vitest';
import type { TechContract } from '../../../../shared/contracts/techmarket';
import {
  blankParty,
  contractProblems,
  emptyContract,
  fromContract,
  isCrossBorder,
  prefillFromMarket,
  subtypesOf,
  toContractInput,
  withKind,
} from './contractDraft';

describe('sub-types of the four kinds', () => {
  it('lists each kind’s sub-types', () => {
    expect(subtypesOf('development')).toEqual(['commissioned', 'cooperative']);
    expect(subtypesOf('transfer')).toEqual(['patent', 'patent_application', 'licence', 'know_how']);
    expect(subtypesOf('service')).toEqual(['technical_service', 'training', 'intermediary']);
    expect(subtypesOf(null)).toEqual([]);
  });
  it('keeps a sub-type the new kind has, takes the only one, else asks again', () => {
    expect(withKind(emptyContract(), 'consulting').subtype).toBe('consulting');
    expect(withKind({ ...emptyContract(), kind: 'transfer', subtype: 'licence' }, 'development').subtype).toBeNull();
    expect(withKind({ ...emptyContract(), kind: 'transfer', subtype: 'patent' }, 'transfer').subtype).toBe('patent');
  });
});

describe('contractProblems and isCrossBorder', () => {
  it('asks for a seller and a buyer, technology income within the amount, an end after the start', () => {
    const d = { ...emptyContract(), parties: [blankParty('intermediary')], amount: 100, techIncome: 150, startsOn: '2026-05-01', endsOn: '2026-04-01' };
    expect(contractProblems(d)).toEqual(['noSeller', 'noBuyer', 'techIncomeAboveAmount', 'endsBeforeStart']);
    expect(contractProblems({ ...emptyContract(), amount: 100, techIncome: 100 })).toEqual([]);
  });
  it('tells a cross-border contract by the seller’s and buyer’s countries', () => {
    expect(
      isCrossBorder([
        { ...blankParty('seller'), country: 'CN' },
        { ...blankParty('buyer'), country: 'PK' },
      ]),
    ).toBe(true);
    expect(
      isCrossBorder([
        { ...blankParty('seller'), country: 'PK' },
        { ...blankParty('buyer'), country: 'PK' },
      ]),
    ).toBe(false);
    expect(isCrossBorder([{ ...blankParty('seller'), country: 'PK' }])).toBeNull();
  });
});

describe('toContractInput and fromContract', () => {
  const AGENCY = '7d9e2b1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
  it('sends typed parties without an owner, empty dates as null, countries in capitals', () => {
    const d = {
      ...withKind(emptyContract({ interestId: 'i1' }), 'consulting'),
      title: ' Study ',
      parties: [
        { role: 'seller' as const, ownerType: 'institution' as const, ownerId: 'u1', name: '华中科技大学', country: 'CN' },
        { role: 'buyer' as const, ownerType: 'enterprise' as const, ownerId: null, name: 'Sialkot Tools', country: 'pk' },
      ],
      sector: 'new_energy',
      amount: 1000,
      currency: 'USD' as const,
      techIncome: 800,
      signedOn: '2026-03-01',
      agencyId: AGENCY,
    };
    const body = toContractInput(d);
    expect(body.parties[1]).toEqual({ role: 'buyer', ownerType: null, ownerId: null, name: 'Sialkot Tools', country: 'PK' });
    expect([body.title, body.subtype, body.startsOn, body.endsOn, body.interestId, body.listingId]).toEqual(['Study', 'consulting', null, null, 'i1', null]);
  });
  it('fills the correction form from a returned contract', () => {
    const c = {
      kind: 'transfer',
      subtype: 'licence',
      title: 'T',
      parties: [{ role: 'seller', ownerType: 'institution', ownerId: 'u1', name: 'N', country: 'CN' }],
      sector: 's',
      amount: 5,
      currency: 'CNY',
      techIncome: 5,
      signedOn: '2026-01-01',
      startsOn: null,
      endsOn: '2027-01-01',
      agency: { id: AGENCY, name: 'A' },
      listingId: null,
      interestId: null,
    } as unknown as TechContract;
    const d = fromContract(c);
    expect([d.kind, d.subtype, d.startsOn, d.endsOn, d.agencyId]).toEqual(['transfer', 'licence', '', '2027-01-01', AGENCY]);
    expect(d.parties[0].ownerType).toBe('institution');
  });
});

describe('prefillFromMarket', () => {
  const owner = { type: 'institution' as const, id: 'o1', name: '华中科技大学', country: 'CN' };
  it('makes an offer’s owner the seller and the interested side the buyer', () => {
    const d = prefillFromMarket(
      emptyContract(),
      { kind: 'offer', title: '光伏逆变器', sector: 'new_energy', owner },
      { fromName: 'Sialkot Tools', fromCountry: 'PK' },
    );
    expect(d.parties).toEqual([
      { role: 'seller', ownerType: 'institution', ownerId: 'o1', name: '华中科技大学', country: 'CN' },
      { role: 'buyer', ownerType: null, ownerId: null, name: 'Sialkot Tools', country: 'PK' },
    ]);
    expect([d.title, d.sector]).toEqual(['光伏逆变器', 'new_energy']);
  });
  it('links the interested side to its registry entry when the interest named one', () => {
    const d = prefillFromMarket(
      emptyContract(),
      { kind: 'offer', sector: 'new_energy', owner },
      { fromName: 'Sialkot Tools', fromCountry: 'PK', fromOwner: { type: 'enterprise', id: 'e9' } },
    );
    expect(d.parties[1]).toEqual({ role: 'buyer', ownerType: 'enterprise', ownerId: 'e9', name: 'Sialkot Tools', country: 'PK' });
  });
  it('makes a need’s owner the buyer, and keeps what is typed already', () => {
    const start = { ...emptyContract(), title: 'Mine' };
    start.parties[0] = { ...start.parties[0], name: 'Typed seller', country: 'MY' };
    const d = prefillFromMarket(start, { kind: 'need', sector: 's', owner }, null);
    expect(d.parties[0].name).toBe('Typed seller');
    expect(d.parties[1]).toMatchObject({ role: 'buyer', ownerId: 'o1' });
    expect(d.title).toBe('Mine');
  });
});
