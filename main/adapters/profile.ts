import { join } from 'node:path';
import { homedir } from 'node:os';
import { ConfDocumentStore } from './conf-document-store.js';
import {
  DEFAULT_HISTORY,
  DEFAULT_PROGRESS,
  DEFAULT_SETTINGS,
  HistorySchema,
  ProgressSchema,
  SettingsSchema,
  type History,
  type Progress,
  type Settings,
} from '../core/store/documents.js';
import { EMPTY_HOME_MODEL, HomeModelSchema, type HomeModelDoc } from '../core/model/index.js';

/**
 * The per-user profile directory: the same place Electron's userData uses, so the app and the
 * `porchlight` command share settings and history. PORCHLIGHT_PROFILE overrides it (tests, CI).
 */
export function defaultProfileDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PORCHLIGHT_PROFILE) return env.PORCHLIGHT_PROFILE;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Porchlight');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Porchlight');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Porchlight');
}

/** Opens the documents of a profile (settings, progress, history, and the home model). */
export function openProfileStores(dir: string) {
  return {
    settings: new ConfDocumentStore<Settings>({ dir, name: 'settings', schema: SettingsSchema, defaults: DEFAULT_SETTINGS, version: '1.0.0' }),
    progress: new ConfDocumentStore<Progress>({ dir, name: 'progress', schema: ProgressSchema, defaults: DEFAULT_PROGRESS, version: '1.0.0' }),
    history: new ConfDocumentStore<History>({ dir, name: 'history', schema: HistorySchema, defaults: DEFAULT_HISTORY, version: '1.0.0' }),
    home: new ConfDocumentStore<HomeModelDoc>({ dir, name: 'home', schema: HomeModelSchema, defaults: EMPTY_HOME_MODEL, version: '1.0.0' }),
  };
}

/** The network scope the owner consented to in the app, as saved in the profile's home model (null when none). */
export function savedScope(dir: string): HomeModelDoc['scope'] {
  return new ConfDocumentStore<HomeModelDoc>({ dir, name: 'home', schema: HomeModelSchema, defaults: EMPTY_HOME_MODEL, version: '1.0.0' }).read().scope;
}
