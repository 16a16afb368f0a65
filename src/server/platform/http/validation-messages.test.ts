import { describe, expect, it } from 'vitest';
import { AgreementInput } from '../../../shared/contracts/cooperation';
import { ListingTexts } from '../../../shared/contracts/techmarket';
import { CountryCode } from '../../../shared/contracts/registry';
import { AppError } from '../errors';
import { issueMessage, parseInput, validationIssues } from './validation';

/** The contracts' own rules name their messages by key; the reader reads them in their language. */
describe('validation messages of the contracts’ own rules', () => {
  it('words a rule of a contract in English, Chinese and Urdu', () => {
    const en = validationIssues(ListingTexts, {}, 'en').issues;
    const zh = validationIssues(ListingTexts, {}, 'zh').issues;
    const ur = validationIssues(ListingTexts, {}, 'ur').issues;
    expect(en.map((i) => i.message)).toEqual(['Write the listing in at least one language.']);
    expect(zh.map((i) => i.message)).toEqual(['请至少用一种语言填写该条目。']);
    expect(ur[0].message).toMatch(/زبان/);
    expect(validationIssues(CountryCode, 'Pakistan', 'zh').issues[0].message).toMatch(/国家代码/);
  });

  it('keeps zod’s own messages in the reader’s language, and leaves other text as it is', () => {
    const issues = validationIssues(AgreementInput, { type: 'mou', title: { en: 'x' }, parties: [] }, 'zh').issues;
    expect(issues.find((i) => i.path.join('.') === 'parties')?.message).toBe('协议至少需要两方。');
    expect(issueMessage('zh', 'not a key')).toBe('not a key');
  });

  it('a service’s parse answers 422 with the same messages', () => {
    try {
      parseInput({ lang: 'zh' }, ListingTexts, {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).details?.[0].message).toBe('请至少用一种语言填写该条目。');
    }
  });
});
