import type { HandlersFor } from './types.js';
import type { wifiChannels } from '../channels/wifi.js';
import { classOfSsid, recordNetworksSeen } from '../../core/wifi/index.js';
import { PorchlightError } from '../../core/errors.js';
import { loadSidecar, localizeEntries, TRANSLATABLE, uiLanguage } from '../../core/l10n/index.js';

/** Handlers of the wifi step's channels: thin calls into core.wifi. */
export const wifiHandlers: HandlersFor<typeof wifiChannels> = {
  'wifi:scan': async (core) => {
    const scan = await core.wifi.scan();
    if (scan.kind !== 'ok') return scan;
    recordNetworksSeen(core.model, scan.value);
    // each network's class by the rule the wifi.encryption verifier applies (the step never re-derives it)
    const classes = [...new Set(scan.value.map((n) => n.ssid))].map((ssid) => ({ ssid, security: classOfSsid(scan.value, ssid)!.security }));
    return { ...scan, classes };
  },
  'wifi:status': async (core) => {
    const status = await core.wifi.status();
    // the network this computer is on is the home network (a name, never its passphrase)
    if (status.kind === 'ok' && status.value && status.value.ssid !== '') core.model.setAnswer('homeSsid', status.value.ssid);
    return status;
  },
  // the router the survey identified (kept in the home model) picks the family when the step names none
  'wifi:guides': (core, hints) => {
    const router = core.model.read().router?.identity ?? null;
    const guides = core.wifi.guides({ ...hints, vendor: hints.vendor ?? router?.vendor ?? null, model: hints.model ?? router?.model ?? null });
    // the router's steps in the UI's language (resources/l10n; English where a family has none)
    const file = 'wifi-router-guides.json';
    const sidecar = loadSidecar(core.deps.resourcesDir, uiLanguage(core.deps.settings.read().language, core.deps.systemLanguages), file);
    const legacyFile = 'wifi-legacy-devices.json';
    const legacy = loadSidecar(core.deps.resourcesDir, uiLanguage(core.deps.settings.read().language, core.deps.systemLanguages), legacyFile);
    const note = legacy?.entries.note?.text;
    return {
      ...guides,
      families: localizeEntries(guides.families, sidecar, TRANSLATABLE[file]!.fields),
      legacyDevices: localizeEntries(guides.legacyDevices, legacy, TRANSLATABLE[legacyFile]!.fields),
      legacyNote: typeof note === 'string' ? note : guides.legacyNote,
    };
  },
  'wifi:generate-passphrase': (core, args) => core.wifi.generatePassphrase(args),
  'wifi:saved-passphrases': (core, { ssid }) => core.wifi.savedPassphrases(ssid),
  'wifi:discard-previous': (core, { ssid }) => core.wifi.discardPreviousPassphrase(ssid),
  'wifi:confirm-in-use': (core, { ssid, devicesBack }) => core.wifi.confirmPassphraseInUse(ssid, devicesBack),
  'wifi:rate-passphrase': (core, { passphrase, ssid }) => core.wifi.rateExisting(passphrase, ssid),
  'wifi:verify-start': (core, args) => core.wifi.startVerify(args),
  'wifi:verify-progress': (core, { id }) => core.wifi.verifyJob(id),
  // the same verifier `porchlight audit` and the re-audit run (one rule for the step and the audit)
  'wifi:check-again': async (core) => {
    const view = await core.recheck('wifi.encryption');
    if (!view) throw new PorchlightError('internal', 'error.internal', { detail: 'the Wi-Fi encryption check has nothing to measure' });
    return view;
  },
};
