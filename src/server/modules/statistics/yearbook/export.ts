import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Text3, YearbookTable } from '../../../../shared/contracts/statistics';
import type { Language } from '../../../../shared/roles';
import { renderPdf } from '../../../platform/pdf';

/**
 * A yearbook table as a file: XLSX (numbers stay numbers, shares and growth as percentage cells), CSV (UTF-8
 * with a BOM so spreadsheet programs read Chinese and Urdu) or PDF (laid out right to left for Urdu). Each
 * says where its figures come from: synthetic data, provisional records, published figures with their seeds.
 */
const pick = (t: Text3, lang: Language) => t[lang] ?? t.en;

const NOTES: Record<string, Required<Text3>> = {
  synthetic: {
    en: 'Synthetic demonstration data — not official statistics.',
    zh: '合成演示数据——非官方统计。',
    ur: 'مصنوعی نمائشی ڈیٹا — سرکاری اعداد و شمار نہیں۔',
  },
  provisional: {
    en: 'Provisional records (not yet approved nationally): {{n}} of {{m}}.',
    zh: '暂定记录（尚未经全国审核）：{{m}} 条中的 {{n}} 条。',
    ur: 'عارضی ریکارڈ (ابھی قومی سطح پر منظور نہیں): {{m}} میں سے {{n}}۔',
  },
  unpublished: { en: 'Not yet published.', zh: '尚未发布。', ur: 'ابھی شائع نہیں ہوا۔' },
  published: { en: 'Published figures from the source documents', zh: '来源文件公开发布的数据', ur: 'ماخذ دستاویزات سے شائع شدہ اعداد و شمار' },
  computed: { en: 'computed from the survey', zh: '由调查数据计算', ur: 'سروے سے حساب شدہ' },
  source: { en: 'Source', zh: '来源', ur: 'ماخذ' },
  value: { en: 'Published', zh: '公开数据', ur: 'شائع شدہ' },
  generated: { en: 'Seedbed yearbook {{year}}', zh: 'Seedbed 统计年鉴 {{year}}', ur: 'Seedbed سالنامہ {{year}}' },
};
const note = (key: string, lang: Language, params: Record<string, string | number> = {}) =>
  Object.entries(params).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, String(v)), NOTES[key][lang]);

function formatCell(v: number | null, kind: string, lang: Language): string {
  if (v === null) return '–';
  const locale = lang === 'zh' ? 'zh-CN' : lang === 'ur' ? 'ur-PK' : 'en-GB';
  if (kind === 'share' || kind === 'growth')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, numberingSystem: 'latn' }).format(v);
  if (kind === 'ratio') return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, numberingSystem: 'latn' }).format(v);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, numberingSystem: 'latn' }).format(v);
}

function footnotes(t: YearbookTable, lang: Language): string[] {
  const out: string[] = [];
  if (t.synthetic) out.push(note('synthetic', lang));
  if (t.provisional > 0) out.push(note('provisional', lang, { n: t.provisional, m: t.records }));
  if (!t.isPublished) out.push(note('unpublished', lang));
  return out;
}

const bodyRows = (t: YearbookTable) => (t.total ? [...t.rows, t.total] : t.rows);

export async function yearbookXlsx(t: YearbookTable, lang: Language): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seedbed';
  const ws = wb.addWorksheet(String(t.year), { views: [{ rightToLeft: lang === 'ur', state: 'frozen', ySplit: 3 }] });
  ws.addRow([`${pick(t.title, lang)} — ${t.year}`]).font = { bold: true, size: 13 };
  ws.addRow(footnotes(t, lang));
  const header = ws.addRow(t.columns.map((c) => pick(c.label, lang) + (c.unit && c.unit !== 'fraction' && c.kind !== 'dimension' ? ` (${c.unit})` : '')));
  header.font = { bold: true };
  for (const r of bodyRows(t)) ws.addRow([pick(r.label, lang), ...r.cells]).font = r === t.total ? { bold: true } : {};
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = i === 0 ? 34 : 18;
    if (c.kind === 'share' || c.kind === 'growth') col.numFmt = '0.0%';
    else if (c.kind === 'ratio') col.numFmt = '0.00';
    else if (c.kind === 'value') col.numFmt = '#,##0';
  });
  if (t.published.length > 0) {
    const ps = wb.addWorksheet(note('published', lang).slice(0, 31), { views: [{ rightToLeft: lang === 'ur' }] });
    ps.addRow([note('published', lang), '#', note('value', lang), note('computed', lang), note('source', lang), '']).font = { bold: true };
    for (const p of t.published) ps.addRow([pick(p.names, lang), p.year, p.value, p.computed, p.source, p.quote]);
    ps.columns.forEach((c, i) => {
      c.width = [40, 8, 16, 18, 36, 60][i] ?? 16;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function yearbookCsv(t: YearbookTable, lang: Language): Buffer {
  const rows = [
    t.columns.map((c) => pick(c.label, lang)),
    ...bodyRows(t).map((r) => [pick(r.label, lang), ...r.cells.map((v) => (v === null ? '' : String(v)))]),
  ];
  return Buffer.from(`\uFEFF${stringify(rows)}`, 'utf8');
}

export async function yearbookPdf(t: YearbookTable, lang: Language): Promise<Buffer> {
  const rows = bodyRows(t).map((r) => [pick(r.label, lang), ...r.cells.map((v, i) => formatCell(v, t.columns[i + 1].kind, lang))]);
  const chartIndex = t.columns.findIndex((c) => c.key === t.chart.column);
  const bars =
    t.chart.type === 'bar' && chartIndex > 0
      ? t.rows
          .slice(0, 15)
          .map((r) => ({
            label: pick(r.label, lang),
            value: r.cells[chartIndex - 1] ?? 0,
            display: formatCell(r.cells[chartIndex - 1], t.columns[chartIndex].kind, lang),
          }))
      : [];
  return renderPdf({
    lang,
    title: `${pick(t.title, lang)} — ${t.year}`,
    subtitle: footnotes(t, lang).join(' '),
    blocks: [
      ...(bars.length ? [{ kind: 'bars' as const, title: pick(t.columns[chartIndex].label, lang), items: bars }] : []),
      { kind: 'table', columns: t.columns.map((c, i) => ({ label: pick(c.label, lang), align: i === 0 ? ('start' as const) : ('end' as const) })), rows },
      ...(t.published.length
        ? [
            { kind: 'heading' as const, text: note('published', lang) },
            {
              kind: 'table' as const,
              columns: [
                { label: '' },
                { label: note('value', lang), align: 'end' as const },
                { label: note('computed', lang), align: 'end' as const },
                { label: note('source', lang) },
              ],
              rows: t.published.map((p) => [
                `${pick(p.names, lang)} (${p.year ?? '–'})`,
                `${formatCell(p.value, 'ratio', lang)} ${p.unit}`,
                p.computed === null ? '–' : formatCell(p.computed, 'ratio', lang),
                `${p.source}: “${p.quote}”`,
              ]),
            },
          ]
        : []),
    ],
    footer: note('generated', lang, { year: t.year }),
  });
}
