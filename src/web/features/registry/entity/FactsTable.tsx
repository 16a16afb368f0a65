import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../app/components/ScrollTable';
import { useLanguage } from '../../../app/useLanguage';
import { formatNumber } from '../../../app/format';
import type { Fact } from '../types';

/** Where a file and locator are cited: "seeds/003_….txt#Z-Park includes" reads as file, then the quoted words. */
export function SourceRef({ source }: { source: string }) {
  const [file, locator] = source.split('#', 2);
  return (
    <span dir="ltr">
      <Code>{file}</Code>
      {locator && (
        <Text span size="sm" lang="en">
          {' '}
          “{locator}”
        </Text>
      )}
    </span>
  );
}

/** The record's provenance: the file it was built from, and each fact with the words and file it comes from. */
export function FactsTable({ source, facts }: { source: string | null; facts: Fact[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <>
      <Text mb="sm" data-testid="record-source">
        {t('registry.entity.recordSource')}: {source ? <SourceRef source={source} /> : t('registry.entity.noSource')}
      </Text>
      {facts.length > 0 && (
        <ScrollTable label={t('registry.entity.facts')} minWidth={640} data-testid="facts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('registry.entity.fact')}</Table.Th>
              <Table.Th>{t('registry.entity.factValue')}</Table.Th>
              <Table.Th>{t('registry.entity.factSource')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {facts.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: facts are an ordered list without ids
              <Table.Tr key={i}>
                <Table.Td>
                  <Text size="sm" lang="en" dir="ltr">
                    “{f.text}”
                  </Text>
                </Table.Td>
                <Table.Td dir="ltr">
                  {f.field && <Code>{f.field}</Code>} {typeof f.value === 'number' ? formatNumber(f.value, lng) : (f.value ?? '')}
                </Table.Td>
                <Table.Td>
                  <SourceRef source={f.source} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </>
  );
}
