import { Button, Group, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTag } from '../../../app/language';
import { scriptOf } from '../format';

type Props = {
  initial?: string;
  /** The header's box: small, its label spoken only. */
  compact?: boolean;
};

/** Searches every record of the directory by name, in English, Chinese (characters or pinyin) or Urdu. */
export function SearchBox({ initial = '', compact = false }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  useEffect(() => setQ(initial), [initial]);
  const submit = () => {
    const query = q.trim();
    if (query) void navigate({ to: '/directory/search', search: { q: query } });
  };
  return (
    <search aria-label={compact ? t('registry.search.headerLabel') : t('registry.search.label')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            type="search"
            name="q"
            label={compact ? undefined : t('registry.search.label')}
            aria-label={compact ? t('registry.search.headerLabel') : undefined}
            description={compact ? undefined : t('registry.search.hint')}
            placeholder={t('registry.search.placeholder')}
            value={q}
            // The query may be in any script: its language picks its font (and direction).
            attributes={{ input: { lang: q.trim() ? languageTag(scriptOf(q)) : undefined, dir: 'auto' } }}
            onChange={(e) => setQ(e.currentTarget.value)}
            size={compact ? 'sm' : 'md'}
            w={compact ? 220 : undefined}
            style={compact ? undefined : { flex: 1 }}
            data-testid={compact ? 'header-search' : 'directory-search'}
          />
          {/* Not a submit button: the header's search form sits beside every other form (sign-in, …), whose
              own submit button must stay the only one. Enter in the box still submits (implicit submission). */}
          <Button type="button" onClick={submit} size={compact ? 'sm' : 'md'} variant={compact ? 'default' : 'filled'}>
            {t('registry.search.submit')}
          </Button>
        </Group>
      </form>
    </search>
  );
}
