/**
 * The first screen loads no i18next: what renderer/main.tsx and the app it imports first
 * (renderer/start.tsx) import statically — the first screen's JavaScript, dynamic `import()` edges
 * left out — holds neither i18next nor react-i18next nor the i18next set-up (renderer/i18n/index.ts),
 * and no step panel but the welcome step's. Read from esbuild's own module graph of the real entry.
 */
import { describe, expect, it } from 'vitest';
import { build, type Metafile } from 'esbuild';

async function staticGraph(entry: string): Promise<{ files: Set<string>; packages: Set<string>; dynamic: Set<string> }> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    outdir: 'out',
    splitting: true,
    loader: { '.css': 'empty' },
    logLevel: 'silent',
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
  return { files, packages, dynamic };
}

describe('renderer first-screen import graph', () => {
  it('the entry imports the app with import(), after the first IPC calls', async () => {
    const g = await staticGraph('renderer/main.tsx');
    expect([...g.files].sort()).toEqual(['renderer/early-ipc.ts', 'renderer/main.tsx']);
    expect(g.dynamic).toContain('renderer/start.tsx');
    expect(g.packages).toEqual(new Set());
  });

  it('the first screen has no i18next, no i18next set-up and only the welcome panel', async () => {
    const g = await staticGraph('renderer/start.tsx');
    expect(g.files).toContain('renderer/steps/welcome/panel.tsx');
    expect(g.files).toContain('renderer/i18n/runtime.ts');
    expect([...g.packages].filter((p) => /i18next/.test(p))).toEqual([]);
    for (const later of ['renderer/i18n/index.ts', 'renderer/i18n/pseudo.ts']) expect(g.files, later).not.toContain(later);
    const panels = [...g.files].filter((f) => /^renderer\/steps\/[^/]+\/panel\.tsx$/.test(f));
    expect(panels).toEqual(['renderer/steps/welcome/panel.tsx']);
    // …and i18next is still reachable, through a dynamic import (right after the first screen).
    expect(g.dynamic).toContain('renderer/i18n/index.ts');
    expect(g.dynamic).toContain('renderer/steps/survey/panel.tsx');
  });
});
