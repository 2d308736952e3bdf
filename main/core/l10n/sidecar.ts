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
  /**
   * Their user-facing fields. Dotted paths reach into an entry; a `*` segment stands for every
   * element of a list of objects with an `id` (the sidecar names the id: `options.off.label`) or
   * every key of an object (`where.alexa.path`).
   */
  fields: readonly string[];
  /**
   * Further parts of the same file: another list of entries, (`single`) one object whose sidecar id
   * is its name, or (`text`) one top-level text, kept in the sidecar as `{ "<name>": { "text": … } }`.
   */
  more?: readonly { collection: string; fields: readonly string[]; single?: true; text?: true }[];
}

/** The user-facing texts of each resource file, by file name. */
export const TRANSLATABLE: Record<string, TranslatableSpec> = {
  'checks.json': { collection: 'checks', fields: ['title', 'why', 'passWhen', 'next'] },
  'wifi-router-guides.json': { collection: 'families', fields: ['wpa3Support', 'wpa3Only', 'transition', 'notes'] },
  'router-families.json': { collection: 'families', fields: ['guestNetwork', 'isolation', 'vlan'] },
  'outage-plans.json': {
    collection: 'profiles',
    fields: ['name', 'who', 'stopsWithoutInternet', 'localAutomation', 'cellularBackup', 'professionalMonitoring', 'hybrid', 'choices.*.label'],
    more: [{ collection: 'firmware', single: true, fields: ['why', 'autoUpdateWhy', 'answers.*.label'] }],
  },
  'assistant-settings.json': {
    collection: 'settings',
    fields: ['title', 'why', 'question', 'notApplicable', 'options.*.label', 'where.*.path', 'where.*.notOffered'],
    more: [{ collection: 'assistants', fields: ['app'] }],
  },
  'accounts.json': { collection: 'accounts', fields: ['quirk.summary', 'quirk.steps', 'whereInApp', 'noTwoFactor'] },
  // The Wi-Fi step shows each device's maker and model and the file's note (its advice is not shown).
  'wifi-legacy-devices.json': { collection: 'devices', fields: ['vendor', 'model'], more: [{ collection: 'note', text: true, fields: ['text'] }] },
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
    throw new PorchlightError('internal', 'error.internal', { detail: `Translation l10n/${language}/${file} could not be read as JSON: ${(err as Error).message}` }, { cause: err });
  }
  const parsed = SidecarSchema.safeParse(raw);
  if (!parsed.success) throw new PorchlightError('internal', 'error.internal', { detail: `Translation l10n/${language}/${file} is invalid at ${parsed.error.issues[0]?.path.join('.') ?? '(root)'}` });
  return parsed.data;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One step down: an object's key, or the element of a list of objects whose `id` is `part`. */
function child(node: unknown, part: string): unknown {
  if (Array.isArray(node)) return node.find((e) => isRecord(e) && e.id === part);
  return isRecord(node) ? node[part] : undefined;
}

function getPath(obj: unknown, path: string): unknown {
  let node = obj;
  for (const part of path.split('.')) node = child(node, part);
  return node;
}

function setPath(obj: unknown, path: string, value: unknown): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const next = (old: unknown) => (rest.length === 0 ? value : setPath(old, rest.join('.'), value));
  if (Array.isArray(obj)) return obj.map((e) => (isRecord(e) && e.id === head ? next(e) : e));
  const o = isRecord(obj) ? obj : {};
  return { ...o, [head]: next(o[head]) };
}

/** The concrete paths a field pattern names in `entry` (`options.*.label` → `options.off.label`, …). */
export function expandField(entry: unknown, field: string): string[] {
  const parts = field.split('.');
  let paths: Array<{ path: string[]; node: unknown }> = [{ path: [], node: entry }];
  for (const part of parts) {
    const out: typeof paths = [];
    for (const { path, node } of paths) {
      if (part !== '*') {
        const c = child(node, part);
        if (c !== undefined) out.push({ path: [...path, part], node: c });
      } else if (Array.isArray(node)) {
        for (const e of node) if (isRecord(e) && typeof e.id === 'string') out.push({ path: [...path, e.id], node: e });
      } else if (isRecord(node)) {
        for (const [k, v] of Object.entries(node)) out.push({ path: [...path, k], node: v });
      }
    }
    paths = out;
  }
  return paths.map((p) => p.path.join('.'));
}

const sameShape = (english: unknown, translated: unknown) =>
  (typeof english === 'string' && typeof translated === 'string') || (Array.isArray(english) && Array.isArray(translated));

/** `entries` with each translated field of the sidecar laid over the English one (English where it has none). */
export function localizeEntries<T extends { id: string }>(entries: readonly T[], sidecar: Sidecar | null, fields: readonly string[]): T[] {
  if (!sidecar) return [...entries];
  return entries.map((entry) => localizeOne(entry, sidecar.entries[entry.id], fields));
}

function localizeOne<T>(entry: T, t: Record<string, string | string[]> | undefined, fields: readonly string[]): T {
  if (!t) return entry;
  let out: unknown = entry;
  for (const field of fields) {
    for (const path of expandField(entry, field)) if (t[path] !== undefined && sameShape(getPath(entry, path), t[path])) out = setPath(out, path, t[path]);
  }
  return out as T;
}

/** Every part of `spec` in a document: [collection name, whether it is a single object, fields]. */
function parts(spec: TranslatableSpec) {
  return [{ collection: spec.collection, fields: spec.fields, single: false, text: false }, ...(spec.more ?? []).map((m) => ({ ...m, single: m.single === true, text: m.text === true }))];
}

/** A document shaped like the resource file (or a view that spreads it) with every declared part localised. */
export function localizeDocument<D extends Record<string, unknown>>(data: D, sidecar: Sidecar | null, file: string): D {
  const spec = TRANSLATABLE[file];
  if (!spec || !sidecar) return data;
  let out: Record<string, unknown> = data;
  for (const part of parts(spec)) {
    const node = out[part.collection];
    if (part.text) {
      const t = sidecar.entries[part.collection]?.text;
      if (typeof node === 'string' && typeof t === 'string') out = { ...out, [part.collection]: t };
    } else if (part.single) {
      if (isRecord(node)) out = { ...out, [part.collection]: localizeOne(node, sidecar.entries[part.collection], part.fields) };
    } else if (Array.isArray(node)) {
      out = { ...out, [part.collection]: localizeEntries(node as Array<{ id: string }>, sidecar, part.fields) };
    }
  }
  return out as D;
}

/** A whole resource document with its collections localised (the rest as in English). */
export function localizeResource<D extends Record<string, unknown>>(resourcesDir: string, file: string, data: D, language: string): D {
  if (!TRANSLATABLE[file]) return data;
  return localizeDocument(data, loadSidecar(resourcesDir, language, file), file);
}

/** What a sidecar lacks or has wrong against the English file: missing, stale or differently shaped texts. */
export function sidecarProblems(english: Record<string, unknown>, sidecar: Sidecar | null, file: string): string[] {
  const spec = TRANSLATABLE[file];
  if (!spec) return [`${file} has no translatable fields declared`];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const part of parts(spec)) {
    const node = english[part.collection];
    const list = (
      part.text ? (typeof node === 'string' ? [{ id: part.collection, text: node }] : []) : part.single ? (isRecord(node) ? [{ ...node, id: part.collection }] : []) : Array.isArray(node) ? node : []
    ) as Array<{ id: string }>;
    for (const entry of list) {
      ids.add(entry.id);
      const t = sidecar?.entries[entry.id];
      const known = new Set<string>();
      for (const field of part.fields) {
        for (const path of expandField(entry, field)) {
          known.add(path);
          const en = getPath(entry, path);
          if (en === undefined || en === null || (Array.isArray(en) && en.length === 0)) continue;
          const tr = t?.[path];
          if (tr === undefined) problems.push(`${entry.id}.${path} missing`);
          else if (!sameShape(en, tr)) problems.push(`${entry.id}.${path} is not a ${Array.isArray(en) ? 'list' : 'text'}`);
          else if (Array.isArray(en) && Array.isArray(tr) && en.length !== tr.length) problems.push(`${entry.id}.${path} has ${tr.length} items, English ${en.length}`);
        }
      }
      for (const path of Object.keys(t ?? {})) if (!known.has(path)) problems.push(`${entry.id}.${path} is not a translatable field of ${file}`);
    }
  }
  for (const id of Object.keys(sidecar?.entries ?? {})) if (!ids.has(id)) problems.push(`${id} is not an entry of ${file}`);
  return problems;
}
