/** The public surface of main/core/report: other core areas import only from here (lint rule core-area-index). */
export { renderReportHtml } from './html.js';
export { buildReport } from './report.js';
export type { Report } from './report.js';
