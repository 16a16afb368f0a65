export { renderPdf } from './render';
export { isolate } from './text-layout';
export type { ReportBlock, ReportDoc } from './types';
