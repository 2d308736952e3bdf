/**
 * OuiRegistry adapter: the IEEE registry (MA-L/MA-M/MA-S, from the oui-data package, BSD-2-Clause
 * packaging of the IEEE public listing) as the compact index the build writes next to the bundles
 * (dist/oui-index.bin, scripts/oui-index.mjs), read on the first MAC lookup only. Run from source
 * (tests) where no build wrote it, the same index is built in memory from oui-data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OuiRegistry } from '../../core/ports.js';
import { encodeOuiIndex, OuiIndex } from './oui-index.js';

/** File name of the index beside the bundle that uses it (dist/). */
export const OUI_INDEX_FILE = 'oui-index.bin';

let shared: OuiIndex | null = null;

function loadIndex(file: URL | string): OuiIndex {
  try {
    return new OuiIndex(readFileSync(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    return new OuiIndex(encodeOuiIndex(createRequire(import.meta.url)('oui-data') as Record<string, string>));
  }
}

/** The IEEE registry; `indexFile` defaults to the index beside this module (the bundle in dist/). */
export class OuiDataRegistry implements OuiRegistry {
  private index: OuiIndex | null = null;

  constructor(private readonly indexFile?: URL | string) {}

  organisation(prefixHex: string): string | null {
    if (!this.index) {
      if (this.indexFile) this.index = loadIndex(this.indexFile);
      else this.index = shared ??= loadIndex(new URL(`./${OUI_INDEX_FILE}`, import.meta.url));
    }
    return this.index.organisation(prefixHex.toUpperCase());
  }
}
