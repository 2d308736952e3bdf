// Imports one of the project's TypeScript modules from a plain Node script: bundled in memory by
// esbuild and loaded from a data: URL (nothing is written). For modules that import only the
// project's own files and Node's built-ins (a bare package name cannot be resolved from a data: URL).
import { build } from 'esbuild';

/** The module's exports. */
export async function importTs(file) {
  const out = await build({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
