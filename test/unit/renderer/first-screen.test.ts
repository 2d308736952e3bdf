/**
 * The first screen loads no i18next: what renderer/main.tsx imports statically — the first screen's
 * JavaScript, one chunk in the build, dynamic `import()` edges left out — holds neither i18next nor
 * react-i18next nor the i18next set-up (renderer/i18n/index.ts), and no step panel but the welcome
 * step's. Read from esbuild's own module graph of the real entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../support/import-graph.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BROWSER = { platform: 'browser', loader: { '.css': 'empty' } } as const;


describe('renderer first-screen import graph', () => {
  it('the entry sends the first IPC calls before anything else is evaluated, then imports the app', async () => {
    const source = readFileSync(join(ROOT, 'renderer', 'main.tsx'), 'utf8');
    const imports = [...source.matchAll(/^import\s+['"]([^'"]+)['"];?$/gm)].map((m) => m[1]);
    // Modules are evaluated in import order: early-ipc (which imports no code) before React, XState and the app.
    expect(imports).toEqual(['./early-ipc', './start']);
    const early = await staticGraph('renderer/early-ipc.ts', BROWSER);
    expect([...early.files]).toEqual(['renderer/early-ipc.ts']);
    expect(early.packages).toEqual(new Set());
  });

  it('the first screen has no i18next, no i18next set-up and only the welcome panel', async () => {
    const g = await staticGraph('renderer/main.tsx', BROWSER);
    expect(g.files).toContain('renderer/start.tsx');
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
