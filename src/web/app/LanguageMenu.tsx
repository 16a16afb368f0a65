import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/roles';
import { ChevronIcon, GlobeIcon } from './components/icons';
import { LANGUAGE_NAMES, directionOf, languageTag } from './language';
import { useChangeLanguage, useLanguage } from './useLanguage';

export function LanguageMenu() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const change = useChangeLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<GlobeIcon />}
          rightSection={<ChevronIcon />}
          aria-label={t('language.choose', { current: LANGUAGE_NAMES[lng] })}
          data-testid="language-switch"
        >
          <span lang={languageTag(lng)}>{LANGUAGE_NAMES[lng]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            lang={languageTag(l)}
            dir={directionOf(l)}
            onClick={() => void change(l)}
            aria-current={l === lng ? 'true' : undefined}
            fw={l === lng ? 700 : undefined}
          >
            {LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
