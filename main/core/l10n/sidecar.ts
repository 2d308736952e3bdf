/**
 * Translated resource texts (issue 17): resources/l10n/<lang>/<file>.json beside the English data
 * files, keyed by the stable id of each entry, so the English files (and their source notes) stay
 * as they are and a catalog that is reorganised keeps its translations. A sidecar:
 *
 *   { "version": 1, "source": "checks.json", "entries": { "<id>": { "<field>": "text", … } } }
 *
 * `<field>` is a field of the entry, or a dotted path into it (`steps.wpa3`); a list of steps is
 * translated as a whole list. Whatever a sidecar lacks reads in English (fallback, never a gap).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PorchlightError } from '../errors.js';
import { nodeSystemLanguages, resolveLanguage, type LanguageChoice } from '../messages/index.js';

/** The language the UI and the next report speak: the setting, or the computer's when it is `system`. */
export function uiLanguage(choice: LanguageChoice | undefined, systemLanguages?: () => readonly string[]): string {
  return resolveLanguage(choice, systemLanguages?.() ?? nodeSystemLanguages());
}

export const SidecarSchema = z.strictObject({
  version: z.literal(1),
  source: z.string(),
  note: z.string().optional(),
  entries: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

/** Which entries of an English resource file are translated, and which of their fields. */
export interface TranslatableSpec {
  /** Where the entries are (a top-level list of objects with an `id`). */
  collection: string;
  /** Their user-facing fields (dotted paths allowed). */
  fields: readonly string[];
}

/** The user-facing texts of each resource file, by file name. */
export const TRANSLATABLE: Record<string, TranslatableSpec> = {
  'checks.json': { collection: 'checks', fields: ['title', 'why', 'passWhen', 'next'] },
  'wifi-router-guides.json': { collection: 'families', fields: ['wpa3Support', 'wpa3Only', 'transition', 'notes'] },
  'router-families.json': { collection: 'families', fields: ['guestNetwork', 'isolation', 'vlan'] },
  'outage-plans.json': { collection: 'profiles', fields: ['name', 'who', 'stopsWithoutInternet', 'localAutomation', 'cellularBackup', 'professionalMonitoring', 'hybrid'] },
};

/** The sidecar of `file` in `language`, or null (English, or none written yet). */
export function loadSidecar(resourcesDir: string, language: string, file: string): Sidecar | null {
  if (language === 'en') return null;
  const path = join(resourcesDir, 'l10n', language, file);
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new PorchlightError('internal', `Translation l10n/${language}/${file} could not be read as JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = SidecarSchema.safeParse(raw);
  if (!parsed.success) throw new PorchlightError('internal', `Translation l10n/${language}/${file} is invalid at ${parsed.error.issues[0]?.path.join('.') ?? '(root)'}`);
  return parsed.data;
}

function getPath(obj: unknown, path: string): unknown {
  let node = obj;
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  const child = obj[head];
  return { ...obj, [head]: setPath(child && typeof child === 'object' ? (child as Record<string, unknown>) : {}, rest.join('.'), value) };
}

const sameShape = (english: unknown, translated: unknown) =>
  (typeof english === 'string' && typeof translated === 'string') || (Array.isArray(english) && Array.isArray(translated));

/** `entries` with each translated field of the sidecar laid over the English one (English where it has none). */
export function localizeEntries<T extends { id: string }>(entries: readonly T[], sidecar: Sidecar | null, fields: readonly string[]): T[] {
  if (!sidecar) return [...entries];
  return entries.map((entry) => {
    const t = sidecar.entries[entry.id];
    if (!t) return entry;
    let out = entry as unknown as Record<string, unknown>;
    for (const field of fields) if (t[field] !== undefined && sameShape(getPath(entry, field), t[field])) out = setPath(out, field, t[field]);
    return out as unknown as T;
  });
}

/** A whole resource document with its collection localised (the rest as in English). */
export function localizeResource<D extends Record<string, unknown>>(resourcesDir: string, file: string, data: D, language: string): D {
  const spec = TRANSLATABLE[file];
  if (!spec) return data;
  const list = data[spec.collection];
  if (!Array.isArray(list)) return data;
  return { ...data, [spec.collection]: localizeEntries(list as Array<{ id: string }>, loadSidecar(resourcesDir, language, file), spec.fields) };
}

/** What a sidecar lacks or has wrong against the English file: missing, stale or differently shaped texts. */
export function sidecarProblems(english: Record<string, unknown>, sidecar: Sidecar | null, file: string): string[] {
  const spec = TRANSLATABLE[file];
  if (!spec) return [`${file} has no translatable fields declared`];
  const problems: string[] = [];
  const list = (english[spec.collection] ?? []) as Array<{ id: string }>;
  const ids = new Set(list.map((e) => e.id));
  for (const entry of list) {
    for (const field of spec.fields) {
      const en = getPath(entry, field);
      if (en === undefined || en === null || (Array.isArray(en) && en.length === 0)) continue;
      const t = sidecar?.entries[entry.id]?.[field];
      if (t === undefined) problems.push(`${entry.id}.${field} missing`);
      else if (!sameShape(en, t)) problems.push(`${entry.id}.${field} is not a ${Array.isArray(en) ? 'list' : 'text'}`);
    }
  }
  for (const id of Object.keys(sidecar?.entries ?? {})) if (!ids.has(id)) problems.push(`${id} is not an entry of ${file}`);
  return problems;
}
