/** OuiRegistry adapter over the `oui-data` package (IEEE MA-L/MA-M/MA-S as JSON), loaded on first use. */
import { createRequire } from 'node:module';
import type { OuiRegistry } from '../../core/ports.js';

let data: Record<string, string> | null = null;

/** The IEEE registry from oui-data (BSD-2-Clause packaging of the IEEE public listing). */
export class OuiDataRegistry implements OuiRegistry {
  organisation(prefixHex: string): string | null {
    if (!data) data = createRequire(import.meta.url)('oui-data') as Record<string, string>;
    const v = data[prefixHex.toUpperCase()];
    return typeof v === 'string' ? v : null;
  }
}
