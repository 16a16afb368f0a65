import { describe, expect, it } from 'vitest';
import type { enterprises } from '../../registry/registry.tables';
import { DEFAULT_RULES } from './default-rules';
import { evaluate } from './evaluate';
import { type EnterpriseProfile, factsFromEnterprise } from './facts';

describe('facts from the registry profile', () => {
  it('takes the fields the rules read', () => {
    expect(
      factsFromEnterprise({
        employees: 120,
        technicalStaff: 48,
        domesticOwnershipPct: 80,
        sector: 'biomedicine',
        country: 'CN',
        foundedOn: '2015-06',
        certifiedHighTechOn: '2019',
        tenancyStatus: 'tenant',
      }),
    ).toEqual({
      employees: 120,
      technicalStaff: 48,
      domesticOwnershipPct: 80,
      sector: 'biomedicine',
      country: 'CN',
      foundedYear: 2015,
      certifiedHighTech: true,
      tenancyStatus: 'tenant',
    });
  });

  it('leaves out what the registry does not know, so the rules say unknown', () => {
    const facts = factsFromEnterprise({ employees: null, technicalStaff: null, domesticOwnershipPct: null, sector: null, certifiedHighTechOn: null });
    expect(facts).toEqual({});
    expect(evaluate(DEFAULT_RULES, facts).results.map((r) => r.outcome)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('never infers R&D activity: the applicant declares it', () => {
    const facts = factsFromEnterprise({
      employees: 50,
      technicalStaff: 20,
      domesticOwnershipPct: 100,
      sector: 'new_materials',
      certifiedHighTechOn: '2018-01-01',
    });
    const e = evaluate(DEFAULT_RULES, facts);
    expect(e.verdict).toBe('incomplete');
    expect(e.results[0].missingFacts).toEqual(['doesRnd']);
    expect(evaluate(DEFAULT_RULES, { ...facts, doesRnd: true }).verdict).toBe('eligible');
  });

  it('accepts numeric strings for the ownership share and drops impossible values', () => {
    expect(factsFromEnterprise({ domesticOwnershipPct: '51.5' })).toEqual({ domesticOwnershipPct: 51.5 });
    expect(factsFromEnterprise({ domesticOwnershipPct: 140, employees: -3, foundedOn: 'soon', sector: ' ' })).toEqual({});
  });

  it('reads a registry row as it is stored', () => {
    const row = {} as typeof enterprises.$inferSelect;
    const profile: EnterpriseProfile = row;
    expect(factsFromEnterprise(profile)).toEqual({});
  });
});
