import { useMantineTheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts';

/**
 * One ECharts chart, drawn in SVG, resized with its box. The drawing is an image with a name; the
 * figure around it carries the same figures as a table.
 */
export function EChart({ option, label, height = 360, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const theme = useMantineTheme();
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: theme.fontFamily }, ...option }, true);
  }, [option, theme.fontFamily]);
  // ECharts lays its SVG text out left to right; an inherited right-to-left direction would shift every
  // label. Right-to-left reading order comes from the options (inverse axes), Urdu text still shapes.
  return <div ref={ref} role="img" aria-label={label} dir="ltr" style={{ width: '100%', height }} data-testid={testId} />;
}
