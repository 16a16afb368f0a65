import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../app/useLanguage';
import type { Entity } from '../types';
import { useLabels } from '../useLabels';
import { fieldsOf } from './fields';

/**
 * Every field of the record, labelled; "not recorded" where the record has no value. Fields the API did
 * not send (private ones, for readers not allowed to see them) are left out rather than called empty.
 */
export function FieldList({ entity }: { entity: Entity }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const labels = useLabels();
  const ctx = { t, lng, labels };
  const rows = fieldsOf(entity.type).filter((f) => f.field === 'coordinates' || f.field in entity);
  return (
    <Table variant="vertical" withTableBorder layout="fixed" data-testid="entity-fields">
      <Table.Tbody>
        {rows.map((f) => {
          const value = f.render(entity[f.field], entity, ctx);
          return (
            <Table.Tr key={f.field}>
              <Table.Th w="36%" scope="row">
                {t(`registry.fields.${f.field}`)}
              </Table.Th>
              <Table.Td c={value === null ? 'dimmed' : undefined}>{value ?? t('registry.entity.notRecorded')}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
