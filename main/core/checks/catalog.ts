import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PorchlightError } from '../errors.js';

/** Wizard steps, in order; the single list both the catalog and the hosts refer to. */
export const STEP_IDS = ['welcome', 'survey', 'wifi', 'segmentation', 'passwords', 'accounts', 'assistant', 'updates', 'summary'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const SeveritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = z.infer<typeof SeveritySchema>;

/** One check of the catalog, as data: ids are stable and appear in reports. */
export const CheckDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  step: z.enum(STEP_IDS),
  severity: SeveritySchema,
  evidenceKinds: z.array(z.enum(['verified', 'confirmed'])).min(1),
  title: z.string().min(3),
  why: z.string().min(10),
  passWhen: z.string().min(10),
  next: z.string().min(3),
  references: z.array(z.string().min(2)).min(1),
});
export type CheckDefinition = z.infer<typeof CheckDefinitionSchema>;

export const CheckCatalogSchema = z
  .strictObject({ version: z.number().int().positive(), checks: z.array(CheckDefinitionSchema).min(1) })
  .refine((c) => new Set(c.checks.map((k) => k.id)).size === c.checks.length, { message: 'check ids must be unique' });
export type CheckCatalog = z.infer<typeof CheckCatalogSchema>;

/** Loads and validates a JSON resource; a broken file is reported with its name and the failing field. */
export function loadResource<T>(resourcesDir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(resourcesDir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PorchlightError('internal', 'error.internal', { detail: `Resource ${file} could not be read as JSON: ${(err as Error).message}` }, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.join('.') || '(root)' : '(root)';
    throw new PorchlightError('internal', 'error.internal', { detail: `Resource ${file} is invalid at ${field}: ${issue?.message ?? 'unknown problem'}` });
  }
  return parsed.data;
}

/** The check catalog of PRODUCT.md, loaded from resources/checks.json through its schema. */
export function loadCheckCatalog(resourcesDir: string): CheckCatalog {
  return loadResource(resourcesDir, 'checks.json', CheckCatalogSchema);
}
