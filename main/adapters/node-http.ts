/**
 * node:http's `request`, loaded through `require`. Importing node:http as an ES module makes Node 22
 * read every export once, its lazy `WebSocket` getter included, which loads the whole undici
 * client (~10 MiB of memory and ~0.3 s per process) that Porchlight never uses; the CommonJS
 * view leaves it unloaded. (`npm run bench -- audit` measures the memory.)
 */
import { createRequire } from 'node:module';
import type * as Http from 'node:http';

export const httpRequest: typeof Http.request = (createRequire(import.meta.url)('node:http') as typeof Http).request;
