import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/roles';
import { LANGUAGE_NAMES, languageTag } from '../../../app/language';
import { scriptAttrs } from '../names';
import type { Names } from '../types';

/** The record's name in each of the three scripts; each keeps its own script and direction. */
export function NamesBlock({ names }: { names: Names }) {
  const { t } = useTranslation();
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="entity-names" aria-label={t('registry.entity.names')}>
      <Table.Tbody>
        {LANGUAGES.map((l) => (
          <Table.Tr key={l}>
            <Table.Th w="36%" scope="row">
              <span lang={languageTag(l)}>{LANGUAGE_NAMES[l]}</span>
            </Table.Th>
            <Table.Td data-testid={`name-${l}`}>{names[l] ? <span {...scriptAttrs(l)}>{names[l]}</span> : <span>{t('registry.entity.noName')}</span>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
