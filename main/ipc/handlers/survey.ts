import type { HandlersFor } from './types.js';
import type { surveyChannels } from '../channels/survey.js';
import type { Core } from '../../core/app-core.js';
import { PorchlightError, toErrorInfo } from '../../core/errors.js';
import { SegmentationService } from '../../core/network/segmentation.js';
import type { SurveyFeature } from '../../core/network/survey-feature.js';
import { recordInventoryReview } from '../../core/network/inventory-review.js';
import { subnetOf } from '../../core/network/ip.js';
import { loadSidecar, localizeEntries, TRANSLATABLE, uiLanguage } from '../../core/l10n/index.js';

function survey(core: Core): SurveyFeature {
  if (!core.survey) throw new PorchlightError('refused', 'error.survey-unavailable');
  return core.survey;
}

const segmentations = new WeakMap<Core, SegmentationService>();
/** One segmentation service per core, over the survey, the wifi step's scanner and the keychain. */
function segmentation(core: Core): SegmentationService {
  let s = segmentations.get(core);
  if (!s) {
    s = new SegmentationService({
      survey: survey(core),
      wifiScan: () => core.wifi.scan(),
      wifiStatus: () => core.wifi.status(),
      secrets: core.secrets,
      checks: core.checks,
      log: core.deps.log,
      resourcesDir: core.deps.resourcesDir,
      verifiers: core.verifiers,
      model: core.model,
    });
    segmentations.set(core, s);
  }
  return s;
}

/** Handlers of the survey and segmentation channels. */
export const surveyHandlers: HandlersFor<typeof surveyChannels> = {
  // works without network ports too: the answers are the owner's, whatever this host can probe
  'survey:consent': (core, answers) => core.model.setConsent(answers),
  'survey:start': async (core, args) => {
    const scope = await survey(core).scope(args);
    // the owner started this survey in the app: its scope is the one the headless audit re-checks within
    core.model.setScope({ interface: scope.interface, interfaceAddress: scope.interfaceAddress, prefixLength: scope.prefixLength, gateway: scope.gateway, targets: scope.targets });
    return survey(core).service.start(scope);
  },
  'survey:progress': (core) => survey(core).service.progress(),
  'survey:scope': async (core) => {
    try {
      const s = await survey(core).scope({});
      return { available: true as const, interface: s.interface, address: s.interfaceAddress, subnet: subnetOf(s.interfaceAddress, s.prefixLength), gateway: s.gateway };
    } catch (err) {
      return { available: false as const, reason: toErrorInfo(err).userMessage };
    }
  },
  'survey:inventory': (core) => ({ devices: survey(core).service.inventory(), report: survey(core).service.lastReport() }),
  'survey:device-edit': (core, { id, ...edit }) => survey(core).service.editDevice(id, edit),
  'survey:device-add': (core, d) => survey(core).service.addDevice(d),
  'survey:reviewed': (core) => {
    const v = recordInventoryReview(core.checks, survey(core).service);
    return { id: v.id, status: v.status, reason: v.reason, evidence: v.evidence };
  },
  'segmentation:plan': (core) => segmentation(core).plan(),
  'segmentation:family': (core, { id }) => {
    // the router's steps in the UI's language (resources/l10n; English where a family has none)
    const file = 'router-families.json';
    const sidecar = loadSidecar(core.deps.resourcesDir, uiLanguage(core.deps.settings.read().language, core.deps.systemLanguages), file);
    return localizeEntries([segmentation(core).family(id)], sidecar, TRANSLATABLE[file]!.fields)[0]!;
  },
  'segmentation:passphrase': (core, { ssid, style, keep }) => segmentation(core).generatePassphrase(ssid, style, keep),
  'segmentation:saved-passphrases': (core, { ssid }) => segmentation(core).savedPassphrases(ssid),
  'segmentation:join-code': (core, { ssid }) => segmentation(core).joinCode(ssid),
  'segmentation:discard-previous': (core, { ssid }) => segmentation(core).discardPreviousPassphrase(ssid),
  'segmentation:confirm-in-use': (core, { ssid, devicesBack }) => segmentation(core).confirmPassphraseInUse(ssid, devicesBack),
  'segmentation:verify-segment': (core, { ssid }) => segmentation(core).verifySegment(ssid),
  'segmentation:verify-isolation': (core, args) => segmentation(core).verifyIsolation(args),
};
