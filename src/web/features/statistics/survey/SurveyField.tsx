import { Box, Group, Input, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import { languageTag } from '../../../app/language';
import { useLanguage } from '../../../app/useLanguage';
import { formatChange, formatValue } from './number';
import { pick, WARNING_TEXT } from './queries';

export const fieldId = (code: string) => `survey-field-${code}`;

/** Puts the cursor in an indicator's field (from a finding that names it). */
export function focusField(code: string): void {
  const el = document.getElementById(fieldId(code));
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

/** The unit as the catalogue names it, translated when the catalogue's code is one we know. */
export function useUnitLabel() {
  const { t } = useTranslation('survey');
  return (unit: string) => t(`units.${unit}`, { defaultValue: unit });
}

type Props = {
  indicator: Indicator;
  text: string;
  onChange: (text: string) => void;
  onBlur: () => void;
  readOnly: boolean;
  required: boolean;
  lastYear: number | null | undefined;
  /** This field's own parse problem, and the error and warning findings that name it. */
  errors: string[];
  warnings: string[];
  current: number | null;
};

/**
 * One indicator: its name and unit, its definition, the value (typed in any of the reader's digits), last
 * year's approved value beside it, and the checks that concern it (errors red, warnings amber), all tied to
 * the input with aria-describedby so a screen reader reads them with the field.
 */
export function SurveyField({ indicator, text, onChange, onBlur, readOnly, required, lastYear, errors, warnings, current }: Props) {
  const { t } = useTranslation('survey');
  const lng = useLanguage();
  const unitLabel = useUnitLabel();
  const id = fieldId(indicator.code);
  const setId = (el: HTMLInputElement | null) => {
    if (el) el.id = id;
  };
  const name = pick(indicator.names, lng);
  const definition = pick(indicator.definitions, lng);
  const hasLast = lastYear !== null && lastYear !== undefined;
  const change = hasLast && current !== null && lastYear !== 0 ? (current - lastYear) / Math.abs(lastYear) : null;
  const described = [
    definition.text ? `${id}-def` : null,
    `${id}-last`,
    ...errors.map((_, i) => `${id}-err-${i}`),
    ...warnings.map((_, i) => `${id}-warn-${i}`),
  ].filter(Boolean);
  return (
    <Box data-field={indicator.code}>
      <Input.Label htmlFor={id} required={required}>
        <span lang={languageTag(name.lang as Language)}>{name.text}</span>{' '}
        <Text span size="sm" c="dimmed" fw={400}>
          ({unitLabel(indicator.unit)})
        </Text>
      </Input.Label>
      {definition.text && (
        <Input.Description id={`${id}-def`} lang={languageTag(definition.lang as Language)} mb={4}>
          {definition.text}
        </Input.Description>
      )}
      <Group gap="sm" wrap="nowrap" align="center">
        <Input
          // With withAria off (so our aria-describedby, naming last year and the warnings, is kept) Mantine drops
          // the id too; set it on the element, for the label's htmlFor and for focusField.
          ref={setId}
          withAria={false}
          aria-describedby={described.join(' ')}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-required={required || undefined}
          required={required}
          readOnly={readOnly}
          inputMode="decimal"
          // Digits and signs read left to right in every script; in Urdu they stay at the start (right) of the box.
          dir="ltr"
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={onBlur}
          error={errors.length > 0}
          data-testid={id}
          data-warning={warnings.length > 0 || undefined}
          styles={{
            input: {
              textAlign: lng === 'ur' ? 'right' : undefined,
              // Mantine's error red (shade 6) is 3.3:1 on white: the border and the text take shade 9.
              borderColor: errors.length > 0 ? 'var(--mantine-color-red-9)' : warnings.length > 0 ? 'var(--mantine-color-yellow-7)' : undefined,
              color: errors.length > 0 ? 'var(--mantine-color-red-9)' : undefined,
            },
          }}
          style={{ flex: 1, minWidth: 0 }}
          variant={readOnly ? 'filled' : 'default'}
        />
        <Box w={150} style={{ flexShrink: 0 }} id={`${id}-last`} data-testid={`survey-lastyear-${indicator.code}`}>
          <Text size="xs" c="dimmed">
            {t('form.lastYear')}
          </Text>
          <Text size="sm">
            {hasLast ? formatValue(lastYear, lng) : t('form.noLastYear')}
            {change !== null && Number.isFinite(change) && (
              <Text span size="xs" c="dimmed">
                {' '}
                <bdi>({formatChange(change, lng)})</bdi>
              </Text>
            )}
          </Text>
        </Box>
      </Group>
      {(errors.length > 0 || warnings.length > 0) && (
        <Stack gap={2} mt={4}>
          {errors.map((m, i) => (
            <Input.Error key={`e:${m}`} id={`${id}-err-${i}`} c="red.9">
              {m}
            </Input.Error>
          ))}
          {warnings.map((m, i) => (
            <Text key={`w:${m}`} id={`${id}-warn-${i}`} size="xs" c={WARNING_TEXT}>
              {t('findings.warningPrefix')} {m}
            </Text>
          ))}
        </Stack>
      )}
    </Box>
  );
}
