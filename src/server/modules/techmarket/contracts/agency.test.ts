import { describe, expect, it } from 'vitest';
import { agencyShortCode } from './agency';
import { formatCertificateNo } from './certificate';

describe('certificate numbers', () => {
  const id = '3f2a9c10-0000-4000-8000-000000000000';
  it('takes the agency’s abbreviation, else its reference key’s initials, else its name’s', () => {
    expect(agencyShortCode({ id, key: 'inst:ictc', abbreviation: 'ICTC', names: { en: 'India China Technology Transfer Centre' } })).toBe('ICTC');
    expect(agencyShortCode({ id, key: 'inst:zhejiang-st-exchange-center', abbreviation: null, names: { en: 'Zhejiang …' } })).toBe('ZSEC');
    expect(agencyShortCode({ id, key: 'inst:china-technology-market-center', abbreviation: null, names: { en: 'x' } })).toBe('CTMC');
    expect(agencyShortCode({ id, key: null, abbreviation: 'Torch Center', names: { en: 'x' } })).toBe('TORCHCEN');
    expect(agencyShortCode({ id, key: null, abbreviation: null, names: { en: 'Punjab Technology Transfer Office' } })).toBe('PTTO');
    expect(agencyShortCode({ id, key: null, abbreviation: null, names: { en: '技术转移中心' } })).toBe('3F2A9C');
  });
  it('runs per agency and year from 0001', () => {
    expect(formatCertificateNo(2025, 'ZSEC', 1)).toBe('TC-2025-ZSEC-0001');
    expect(formatCertificateNo(2025, 'ZSEC', 12345)).toBe('TC-2025-ZSEC-12345');
  });
});
