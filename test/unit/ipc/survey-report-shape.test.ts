/** The survey report has one shape: the survey channel carries the home model's schema, not a copy of it. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { surveyChannels } from '../../../main/ipc/channels/survey.js';
import { SurveyReportSchema } from '../../../main/core/model/index.js';

describe('survey report shape', () => {
  it('survey:progress and survey:inventory use the model’s SurveyReportSchema itself', () => {
    const progress = surveyChannels['survey:progress'].result as z.ZodObject<{ report: z.ZodNullable<z.ZodType> }>;
    const inventory = surveyChannels['survey:inventory'].result as z.ZodObject<{ report: z.ZodNullable<z.ZodType> }>;
    expect(progress.shape.report.unwrap()).toBe(SurveyReportSchema);
    expect(inventory.shape.report.unwrap()).toBe(SurveyReportSchema);
  });

  it('a field the model does not know is dropped the same way everywhere (one schema, one behaviour)', () => {
    const report = { gateway: { address: '10.0.0.1', mac: null, router: null }, devices: [], notes: [], durationMs: 1, budgetMs: 2, withinBudget: true, finishedAt: '2026-11-30T00:00:00.000Z' };
    expect(SurveyReportSchema.parse({ ...report, extra: 1 })).toEqual(report);
    expect(() => SurveyReportSchema.parse({ ...report, durationMs: 'soon' })).toThrow();
  });
});
