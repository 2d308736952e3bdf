/**
 * The report's known-vulnerabilities lookup (issue 18). The cells and the section themselves are
 * rendered in html.ts from the message catalog, in the report's language.
 */
import type { Report } from './report.js';

type DeviceVulns = NonNullable<Report['knownVulnerabilities']>['devices'][number];

/** The device's KEV record, by the inventory's key. */
export function vulnsOf(report: Report, key: string): DeviceVulns | null {
  return report.knownVulnerabilities?.devices.find((d) => d.key === key) ?? null;
}
