import { readFileSync } from 'node:fs';

/** The app's version from package.json (one directory above main/ and dist/). Cheap: no other module is loaded. */
export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
