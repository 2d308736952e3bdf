/** The public surface of main/core/network: other core areas import only from here (lint rule core-area-index). */
export { DeviceCategorySchema } from './categories.js';
export type { DeviceCategory } from './categories.js';
export { probeFailure, withDeadline } from './deadline.js';
export { isIpv4, isLinkLocalV4, isLoopback, isRfc1918 } from './ip.js';
export type { SurveyReport } from './survey-service.js';
export { stripControl } from './text.js';
