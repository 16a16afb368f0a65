import { Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LISTING_LANGUAGES } from '../../../shared/contracts/techmarket';
import { LANGUAGE_NAMES } from '../../app/language';
import { scriptAttrs } from '../registry/names';
import { isWritten, type ListingDraft, type TextDraft } from './listingDraft';
import type { ListingLanguage } from './text';

type Props = {
  texts: ListingDraft['texts'];
  onChange: (lang: ListingLanguage, text: TextDraft) => void;
  /** The API's messages by full path (texts.zh.title). */
  errors: Record<string, string>;
  active: ListingLanguage;
  onActive: (lang: ListingLanguage) => void;
};

/**
 * The listing's texts, a tab per language: the owner writes in one or more; each field is typed in its
 * language's script and direction. A tab says whether it is written and whether it has a problem.
 */
export function ListingTextsTabs({ texts, onChange, errors, active, onActive }: Props) {
  const { t } = useTranslation('techmarket');
  const err = (lang: ListingLanguage, field: keyof TextDraft) => errors[`texts.${lang}.${field}`];
  return (
    <Tabs value={active} onChange={(v) => v && onActive(v as ListingLanguage)} keepMounted={false} data-testid="listing-texts">
      <Tabs.List aria-label={t('form.textsLabel')}>
        {LISTING_LANGUAGES.map((lang) => {
          const bad = Object.keys(errors).some((k) => k.startsWith(`texts.${lang}.`));
          return (
            <Tabs.Tab key={lang} value={lang} data-testid={`listing-texts-tab-${lang}`} c={bad ? 'red.9' : undefined}>
              <span {...scriptAttrs(lang)}>{LANGUAGE_NAMES[lang]}</span>
              <Text span size="xs" c={bad ? 'red.9' : 'dimmed'} ms={6}>
                {bad ? t('form.tabProblem') : isWritten(texts[lang]) ? t('form.tabWritten') : t('form.tabEmpty')}
              </Text>
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {LISTING_LANGUAGES.map((lang) => {
        const v = texts[lang];
        const attrs = { attributes: { input: scriptAttrs(lang) } } as const;
        const set = (patch: Partial<TextDraft>) => onChange(lang, { ...v, ...patch });
        const written = isWritten(v);
        return (
          <Tabs.Panel key={lang} value={lang} pt="sm">
            <Stack gap="sm">
              <TextInput
                label={t('form.titleField')}
                value={v.title}
                onChange={(e) => set({ title: e.currentTarget.value })}
                maxLength={200}
                required={written}
                error={err(lang, 'title')}
                {...attrs}
                data-testid={`listing-title-${lang}`}
              />
              <Textarea
                label={t('form.summary')}
                description={t('form.summaryHint')}
                value={v.summary}
                onChange={(e) => set({ summary: e.currentTarget.value })}
                maxLength={2000}
                autosize
                minRows={3}
                required={written}
                error={err(lang, 'summary')}
                {...attrs}
                data-testid={`listing-summary-${lang}`}
              />
              <Textarea
                label={t('form.details')}
                description={t('form.detailsHint')}
                value={v.details}
                onChange={(e) => set({ details: e.currentTarget.value })}
                maxLength={20000}
                autosize
                minRows={4}
                error={err(lang, 'details')}
                {...attrs}
                data-testid={`listing-details-${lang}`}
              />
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
