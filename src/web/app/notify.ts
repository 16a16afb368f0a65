import { notifications } from '@mantine/notifications';
import { i18n } from './i18n';

/** A toast whose close button has a name in the current language (Mantine's has none). */
export function notify(message: string, kind: 'success' | 'error' = 'success', title?: string): void {
  notifications.show({
    message,
    title,
    color: kind === 'success' ? 'teal' : 'red',
    closeButtonProps: { 'aria-label': i18n.t('actions.close') },
  });
}
