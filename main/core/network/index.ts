/** The public surface of main/core/network: other core areas import only from here (lint rule core-area-index). */
export { DeviceCategorySchema } from './categories.js';
export type { DeviceCategory } from './categories.js';
export { probeFailure, withDeadline } from './deadline.js';
export type { SurveyReport } from './survey-service.js';
export { stripControl } from './text.js';
