import { Group, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Text3 } from '../../../../shared/contracts/funding';
import { LANGUAGE_NAMES } from '../../../app/language';

type Props = { label: string; value: Partial<Text3> | undefined; onChange: (v: Text3) => void; long?: boolean; required?: boolean; error?: string };

/** One text in the three interface languages: English required, Chinese and Urdu (right to left) optional. */
export function Text3Fields({ label, value, onChange, long, required, error }: Props) {
  const { t } = useTranslation();
  const v = value ?? { en: '' };
  const set = (lang: 'en' | 'zh' | 'ur', s: string) => {
    const next: Text3 = { en: v.en ?? '', zh: v.zh, ur: v.ur, [lang]: s };
    if (!next.zh) delete next.zh;
    if (!next.ur) delete next.ur;
    onChange(next);
  };
  const Input = long ? Textarea : TextInput;
  return (
    <Group grow align="flex-start" gap="xs" wrap="wrap">
      {(['en', 'zh', 'ur'] as const).map((lang) => (
        <Input
          key={lang}
          label={`${label} (${LANGUAGE_NAMES[lang]})`}
          lang={lang === 'zh' ? 'zh-CN' : lang}
          dir={lang === 'ur' ? 'rtl' : 'ltr'}
          required={required && lang === 'en'}
          value={v[lang] ?? ''}
          error={lang === 'en' ? error : undefined}
          description={lang !== 'en' ? t('funding.calls.editor.fallsBackToEnglish') : undefined}
          autosize={long ? true : undefined}
          minRows={long ? 2 : undefined}
          onChange={(e) => set(lang, e.currentTarget.value)}
          style={{ minWidth: 200 }}
        />
      ))}
    </Group>
  );
}
