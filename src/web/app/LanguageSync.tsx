import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, storeLanguage } from './language';
import { useUser } from './session';
import { useLanguage } from './useLanguage';

/**
 * Keeps Mantine's direction in step with the language (html lang/dir are set by i18n.ts), and adopts
 * the saved language of whoever signs in.
 */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const lng = useLanguage();
  const { setDirection } = useDirection();
  const user = useUser();

  useEffect(() => setDirection(directionOf(lng)), [lng, setDirection]);

  const userId = user?.id;
  const userLocale = user?.locale;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a different user signs in, not when they switch language
  useEffect(() => {
    if (userLocale && userLocale !== lng) {
      storeLanguage(userLocale);
      void i18n.changeLanguage(userLocale);
    }
  }, [userId]);

  return null;
}
