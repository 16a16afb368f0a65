import { createTheme, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import type { Language } from '../../shared/roles';

const LATIN = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial";
const SC = "'Noto Sans SC'";
const NASKH = "'Noto Naskh Arabic'";

/**
 * The bundled Noto fonts come first for the script of the interface language, so Chinese and Urdu
 * render the same on every machine; in every language they stay in the stack for names stored in
 * other scripts.
 */
const FONT_STACKS: Record<Language, string> = {
  en: `${LATIN}, ${SC}, ${NASKH}, sans-serif`,
  zh: `${SC}, ${LATIN}, ${NASKH}, sans-serif`,
  ur: `${NASKH}, ${LATIN}, ${SC}, sans-serif`,
};

export function themeFor(lng: Language): MantineThemeOverride {
  const fontFamily = FONT_STACKS[lng];
  return createTheme({
    fontFamily,
    headings: { fontFamily },
    primaryColor: 'teal',
    // Shade 9 keeps white-on-teal buttons and teal links above the WCAG AA 4.5:1 contrast ratio.
    primaryShade: { light: 9, dark: 8 },
    autoContrast: true,
    defaultRadius: 'md',
  });
}

/** Mantine's default "dimmed" grey (#868e96) is 3.3:1 on white; grey 7 reads at 8:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
