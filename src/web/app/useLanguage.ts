import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/contracts/accounts';
import type { Language } from '../../shared/roles';
import { ApiError, patch } from './api';
import { isLanguage, storeLanguage } from './language';
import { storeUser, useUser } from './session';
import { notify } from './notify';

/** The current interface language; re-renders when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : 'en';
}

/**
 * Switches the interface language and remembers it: on the account when signed in (so it follows the
 * user to other devices), in this browser otherwise.
 */
export function useChangeLanguage(): (lng: Language) => Promise<void> {
  const { i18n, t } = useTranslation();
  const qc = useQueryClient();
  const user = useUser();
  return async (lng) => {
    storeLanguage(lng);
    await i18n.changeLanguage(lng);
    // Server-rendered text (error messages, notifications) comes in the new language on refetch.
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    if (!user || user.locale === lng) return;
    try {
      storeUser(qc, await patch<User>('/api/v1/me', { locale: lng }));
    } catch (err) {
      notify(err instanceof ApiError && err.message ? err.message : t('errors.network'), 'error', t('language.saveFailed'));
    }
  };
}
