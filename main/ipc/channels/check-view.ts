import { z } from 'zod';
import { CheckStatusSchema, EvidenceSchema } from '../../core/checks/results.js';
import { STEP_IDS } from '../../core/checks/catalog.js';
import { MessageSchema } from '../../core/messages/index.js';

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
  /** Why it has this status, as a message code with params (words from the renderer's catalogs). */
  reason: MessageSchema.nullable(),
  /** What was seen, as a message. */
  detail: MessageSchema.nullable(),
  evidence: EvidenceSchema,
  expired: z.boolean(),
});
