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
    throw new PorchlightError('refused', 'That link is not a valid web address.');
  }
  if (url.protocol !== 'https:') throw new PorchlightError('refused', 'Only secure (https) links are opened.');
  if (url.username || url.password) throw new PorchlightError('refused', 'Links with embedded credentials are never opened.');
  if (url.port && url.port !== '443') throw new PorchlightError('refused', 'Links to unusual ports are not opened.');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const ok = allowedHosts.some((h) => host === h || host.endsWith(`.${h}`));
  if (!ok) throw new PorchlightError('refused', `Porchlight only opens the vendor pages it knows; ${host} is not one of them.`);
  return url.toString();
}
