import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { MIME_TYPES } from './csp.js';

/**
 * Resolves a request path inside the built renderer directory and reads it, refusing traversal
 * outside it. Shared by the app:// protocol handler and the harness, so both serve the same bytes.
 */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path === '/' || path === '') path = '/index.html';
  const full = normalize(join(rendererDir, path));
  if (!full.startsWith(normalize(rendererDir) + sep)) return null;
  try {
    const body = await readFile(full);
    return { body, type: MIME_TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
