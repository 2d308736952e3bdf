import type { HandlersFor } from './types.js';
import type { vulnsChannels } from '../channels/vulns.js';
import type { Core } from '../../core/app-core.js';
import { PorchlightError } from '../../core/errors.js';

/** Measures the check (the board records it) and returns every device's matches. */
async function view(core: Core) {
  const check = await core.recheck('devices.known-vulnerabilities');
  const lastAuditAt = core.audit.latest()?.at ?? null;
  const record = core.audit.knownVulnerabilities();
  if (!record) throw new PorchlightError('internal', 'error.internal', { detail: 'the known-vulnerabilities catalog is not in this build' });
  return { ...record, lastAuditAt, check };
}

export const vulnsHandlers: HandlersFor<typeof vulnsChannels> = {
  'vulns:view': (core) => view(core),
  'vulns:identify': async (core, { id, maker, model }) => {
    if (!maker?.trim() || !model?.trim()) throw new PorchlightError('invalid-arguments', 'error.maker-and-model-needed');
    core.model.editDevice(id, { maker, model });
    return view(core);
  },
};
