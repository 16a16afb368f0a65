/** The few icons the shell needs, inline so no icon library is bundled. Decorative: always aria-hidden. */
type P = { size?: number };
const base = (size: number) => ({
  width: size,
  height: size,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  focusable: false,
});

export const BellIcon = ({ size = 20 }: P) => (
  <svg {...base(size)} aria-hidden="true">
    <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

export const GlobeIcon = ({ size = 18 }: P) => (
  <svg {...base(size)} aria-hidden="true">
    <circle cx="12" cy="12" r="10" />
    <path d="M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z" />
  </svg>
);

export const SproutIcon = ({ size = 26 }: P) => (
  <svg {...base(size)} aria-hidden="true">
    <path d="M7 20h10M12 20v-8" />
    <path d="M12 12c0-4 -3-7 -8-7 0 4 3 7 8 7zM12 10c0-3 2.5-6 7-6 0 3.5-2.5 6-7 6z" />
  </svg>
);

export const ChevronIcon = ({ size = 14 }: P) => (
  <svg {...base(size)} aria-hidden="true">
    <path d="m6 9 6 6 6-6" />
  </svg>
);
