import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application, Call } from '../../../../shared/contracts/funding';
import { visibleFieldKeys } from '../../../../shared/funding-form';
import type { Language } from '../../../../shared/roles';
import { money, t3 } from '../calls/queries';

/** The submitted answers, read-only, in the order of the form. */
export function AnswersView({ application, call, lng }: { application: Application; call: Call; lng: Language }) {
  const { t } = useTranslation();
  const answers = application.answers as Record<string, never>;
  const visible = visibleFieldKeys(call.form, answers);
  const show = (v: unknown, type: string, options?: { value: string; label: { en: string } }[]) => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('funding.applications.form.yes') : t('funding.applications.form.no');
    if (type === 'money' && typeof v === 'number') return money(v, application.currency, lng);
    const label = (x: unknown) => {
      const o = options?.find((o) => o.value === x);
      return o ? t3(o.label, lng) : String(x);
    };
    return Array.isArray(v) ? v.map(label).join(', ') : label(v);
  };
  return (
    <Stack>
      {call.form.sections.map((s) => (
        <div key={s.key}>
          <Title order={3} size="h5" mb={4}>
            {t3(s.title, lng)}
          </Title>
          <Table>
            <Table.Tbody>
              {s.fields
                .filter((f) => visible.has(f.key))
                .map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Th w="40%">{t3(f.label, lng)}</Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-line' }} dir="auto">
                      {f.type === 'file'
                        ? application.attachments
                            .filter((a) => a.fieldKey === f.key)
                            .map((a) => (
                              <Anchor key={a.id} href={`/api/v1/funding/applications/${application.id}/attachments/${a.id}/content`} display="block" dir="auto">
                                {a.name}
                              </Anchor>
                            ))
                        : show(answers[f.key], f.type, f.options)}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </div>
      ))}
      <Text size="sm">
        {t('funding.applications.request')}:{' '}
        {application.instrument
          ? `${t(`funding.calls.instrument.${application.instrument}`)} — ${money(application.requestedAmount, application.currency, lng)}`
          : '—'}
      </Text>
    </Stack>
  );
}
