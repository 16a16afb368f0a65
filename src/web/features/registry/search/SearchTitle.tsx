import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Inserted, SLOT } from '../components/Inserted';
import { scriptOf } from '../format';
import { scriptAttrs } from '../names';

/** "Search: 中关村", the query marked with its own script (so it gets its font and direction). */
export function SearchTitle({ q }: { q?: string }) {
  const { t } = useTranslation();
  const text = q ? t('registry.search.titleFor', { q }) : t('registry.search.title');
  useDocumentTitle(`${text} · ${t('app.name')}`);
  if (!q) {
    return (
      <Title order={1} size="h2" mb="lg">
        {text}
      </Title>
    );
  }
  return (
    <Title order={1} size="h2" mb="lg">
      <Inserted text={t('registry.search.titleFor', { q: SLOT })}>
        <bdi {...scriptAttrs(scriptOf(q))}>{q}</bdi>
      </Inserted>
    </Title>
  );
}
