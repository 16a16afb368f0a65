import type { TFunction } from 'i18next';

/** The API's rule (shared/contracts/accounts Password); checked here too so the user learns it before sending. */
export const MIN_PASSWORD = 10;

export function passwordRule(t: TFunction) {
  return (v: string) => (v.length >= MIN_PASSWORD ? null : t('form.passwordTooShort', { min: MIN_PASSWORD }));
}
