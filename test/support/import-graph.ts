/**
 * esbuild's own module graph of a real entry point: the files it loads at once (following static
 * imports from the entry and any extra roots), the packages those import, and what they import
 * only dynamically. Used by the tests that keep the CLI's start-up and the renderer's first screen lean.
 */
import { build, type Loader, type Metafile } from 'esbuild';

export interface ImportGraph {
  files: Set<string>;
  packages: Set<string>;
  dynamic: Set<string>;
}

export async function staticGraph(entry: string, o: { platform: 'node' | 'browser'; roots?: string[]; loader?: Record<string, Loader> }): Promise<ImportGraph> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    platform: o.platform,
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'out',
    splitting: true,
    logLevel: 'silent',
    ...(o.loader ? { loader: o.loader } : {}),
  });
  const inputs = (r.metafile as Metafile).inputs;
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const walk = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imp of inputs[file]?.imports ?? []) {
      if (imp.kind === 'dynamic-import') dynamic.add(imp.path);
      else if (imp.external) packages.add(imp.path);
      else walk(imp.path);
    }
  };
  walk(entry);
  for (const root of o.roots ?? []) walk(root);
  return { files, packages, dynamic };
}
