import { z } from 'zod';
import { CheckResultSchema } from '../checks/index.js';
import { AuditRecordSchema } from '../audit/index.js';
import { boundedJson, FREE_JSON_LIMITS } from './bounded-json.js';
import { LANGUAGE_CHOICES } from '../messages/index.js';

/**
 * The three documents of a profile directory. None may hold a secret: only "stored" flags and
 * keychain account names. Each has a schema version; migrations live beside the store adapter.
 */

export const SettingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  theme: z.enum(['system', 'light', 'dark']),
  /** The UI and report language; `system` follows the computer's preferred languages (a file without it reads as `system`). */
  language: z.enum(LANGUAGE_CHOICES).default('system'),
  reauditIntervalDays: z.number().int().min(7).max(365),
  confirmationExpiryDays: z.number().int().min(1).max(365),
  startAtLogin: z.boolean(),
  notifications: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  theme: 'system',
  language: 'system',
  reauditIntervalDays: 90,
  confirmationExpiryDays: 90,
  startAtLogin: false,
  notifications: true,
};

/** Limits the persisted wizard snapshot so a hostile or runaway renderer cannot fill the disk. */
export const MAX_SNAPSHOT_BYTES = FREE_JSON_LIMITS.maxBytes;

export const ProgressSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Version of the wizard machine that wrote `snapshot`; a different version discards it with a notice. */
  machineVersion: z.number().int().nullable(),
  snapshot: boundedJson().nullable(),
  savedAt: z.iso.datetime({ offset: true }).nullable(),
  checks: z.record(z.string(), CheckResultSchema),
});
export type Progress = z.infer<typeof ProgressSchema>;
export const DEFAULT_PROGRESS: Progress = { schemaVersion: 1, machineVersion: null, snapshot: null, savedAt: null, checks: {} };

export const HistorySchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Completed audits, newest last. Their shape is owned by the audit module (main/core/audit/record.ts). */
  audits: z.array(AuditRecordSchema),
  /**
   * Legacy (0.1.0): devices now live in the home model (main/core/model, home.json). The migration
   * moves every readable record there and leaves here only what it could not read, so nothing is
   * lost; no other code reads this field.
   */
  devices: z.record(z.string(), boundedJson()),
  /** User confirmations with their dates, keyed by check id or "check-id:subject". */
  confirmations: z.record(z.string(), boundedJson()),
});
export type History = z.infer<typeof HistorySchema>;
export const DEFAULT_HISTORY: History = { schemaVersion: 1, audits: [], devices: {}, confirmations: {} };
