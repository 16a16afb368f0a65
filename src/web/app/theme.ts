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
    components: {
      // Mantine renders a modal's title bar as <header>, a second "banner" landmark beside the page's.
      ModalHeader: { defaultProps: { component: 'div' } },
    },
  });
}

/**
 * Contrast (WCAG AA, 4.5:1) fixes for Mantine's light scheme: its "dimmed" grey (#868e96) is 3.3:1 on
 * white, and the text of "light" variants (shade 9 on shade 1) is 2.7:1 for yellow and 4.3:1 for teal.
 * Darkening that text by 30% lifts every palette above 5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' };
  for (const name of Object.keys(theme.colors)) {
    light[`--mantine-color-${name}-light-color`] = `color-mix(in srgb, var(--mantine-color-${name}-9) 70%, black)`;
    // Hovering a filled button must not lighten it below 4.5:1 (Mantine hovers shade 9 to shade 8).
    light[`--mantine-color-${name}-filled-hover`] = `color-mix(in srgb, var(--mantine-color-${name}-9) 85%, black)`;
  }
  return { variables: {}, light, dark: {} };
};
