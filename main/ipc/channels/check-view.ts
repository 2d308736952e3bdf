import { z } from 'zod';
import { CheckStatusSchema, EvidenceSchema } from '../../core/checks/results.js';
import { STEP_IDS } from '../../core/checks/catalog.js';

/** A check as the renderer sees it: its catalog entry joined with its current result (core CheckView). */
export const CheckViewSchema = z.object({
  id: z.string(),
  step: z.enum(STEP_IDS),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  title: z.string(),
  why: z.string(),
  passWhen: z.string(),
  next: z.string(),
  references: z.array(z.string()),
  evidenceKinds: z.array(z.enum(['verified', 'confirmed'])),
  status: CheckStatusSchema,
  reason: z.string().nullable(),
  detail: z.string().nullable(),
  evidence: EvidenceSchema,
  expired: z.boolean(),
});
