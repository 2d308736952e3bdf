import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import { PorchlightError } from '../errors.js';

const ExternalLinksSchema = z.strictObject({
  version: z.literal(1),
  note: z.string(),
  hosts: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
});

/** Loads the allow-list of hosts whose https pages may be opened in the user's browser. */
export function loadExternalHosts(resourcesDir: string): string[] {
  return loadResource(resourcesDir, 'external-links.json', ExternalLinksSchema).hosts;
}

/**
 * Returns the normalised URL when it is https, has no credentials or odd port, and its host is
 * an allow-listed host or a subdomain of one; throws `refused` otherwise. The only way a URL
 * reaches shell.openExternal.
 */
export function checkExternalUrl(raw: string, allowedHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PorchlightError('refused', 'error.link.invalid');
  }
  if (url.protocol !== 'https:') throw new PorchlightError('refused', 'error.link.not-https');
  if (url.username || url.password) throw new PorchlightError('refused', 'error.link.credentials');
  if (url.port && url.port !== '443') throw new PorchlightError('refused', 'error.link.port');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const ok = allowedHosts.some((h) => host === h || host.endsWith(`.${h}`));
  if (!ok) throw new PorchlightError('refused', 'error.link.unknown-site', { host });
  return url.toString();
}
