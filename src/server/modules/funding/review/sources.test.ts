import { describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../../../shared/contracts/funding';
import { textOf } from './sources';

const form: ApplicationForm = {
  sections: [
    {
      key: 'a',
      title: { en: 'A' },
      fields: [
        { key: 'contactName', type: 'text', label: { en: 'Contact' }, required: false },
        { key: 'projectTitle', type: 'text', label: { en: 'Title' }, required: true },
        { key: 'summary', type: 'longtext', label: { en: 'Summary' }, required: true },
        { key: 'market', type: 'longtext', label: { en: 'Market' }, required: false },
        { key: 'employees', type: 'number', label: { en: 'Employees' }, required: false },
      ],
    },
  ],
};

describe('the text of an application, for affinity and for reviewers', () => {
  it('takes the title-like text field and joins the long texts', () => {
    expect(textOf(form, { contactName: 'Li', projectTitle: 'Solid-state cells', summary: 'Safer cells.', market: 'Grid storage.', employees: 40 })).toEqual({
      title: 'Solid-state cells',
      summary: 'Safer cells.\n\nGrid storage.',
    });
  });

  it('falls back to the first text answered, and to nothing', () => {
    const noTitle: ApplicationForm = {
      sections: [{ key: 'a', title: { en: 'A' }, fields: [{ key: 'headline', type: 'text', label: { en: 'H' }, required: false }] }],
    };
    expect(textOf(noTitle, { headline: 'Edge AI' })).toEqual({ title: 'Edge AI', summary: '' });
    expect(textOf(form, {})).toEqual({ title: '', summary: '' });
  });
});
