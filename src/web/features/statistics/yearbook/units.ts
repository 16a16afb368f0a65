import { useTranslation } from 'react-i18next';

/** A catalogue code as an i18n key: "CNY thousand" → CNY_thousand, "region:east" → region_east. */
export const keyOf = (code: string) => code.replace(/[^A-Za-z0-9]+/g, '_');

/** A unit of the catalogue in the reader's language (the unit itself when there is no translation). */
export function useUnitLabel(): (unit: string | null | undefined) => string {
  const { t } = useTranslation('yearbook');
  // A count needs no unit beside its name ("Number of enterprises", not "… (number)").
  return (unit) => (!unit || unit === 'count' ? '' : t(`units.${keyOf(unit)}`, { defaultValue: unit }));
}

/** A name with its unit, punctuated as the language does: "Exports (CNY thousand)", "出口总额（千元）". */
export function useWithUnit(): (name: string, unit: string) => string {
  const { t } = useTranslation('yearbook');
  return (name, unit) => (unit ? t('withUnit', { name, unit }) : name);
}
