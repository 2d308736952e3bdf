import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutDetail, buildMenuTemplate, parseDatasetLicences } from '../../../main/app/menu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const README = `# Bundled data

Intro text, no licence line here.

## Default passwords (issue 5)

| source id | what | licence |
|---|---|---|
| \`vendor-docs\` | Manufacturers' manuals | Facts only |
| \`seclists\` | SecLists (https://github.com/danielmiessler/SecLists) | MIT, © 2018 Daniel Miessler |

## Wi-Fi step

- **EFF large wordlist**: published by the Electronic Frontier Foundation, licence
  **CC BY 3.0 US** (© Electronic Frontier Foundation). Used from an npm package.
- **wifi-router-guides.json** — steps written for Porchlight. Licence: the project's own (MIT).
- A list item without any licence words.

## OUI vendor table
Source: [IEEE registration authority](https://standards-oui.ieee.org/)
**License:** CC0

## Section without licence
- Source: somewhere
`;

describe('parseDatasetLicences (resources/README.md)', () => {
  it('reads table rows, list items and whole sections that name a licence', () => {
    expect(parseDatasetLicences(README)).toEqual([
      { name: 'Default passwords (issue 5): vendor-docs', licence: 'Facts only' },
      { name: 'Default passwords (issue 5): seclists', licence: 'MIT, © 2018 Daniel Miessler' },
      { name: 'EFF large wordlist', licence: 'CC BY 3.0 US (© Electronic Frontier Foundation)' },
      { name: 'wifi-router-guides.json', licence: "the project's own (MIT)" },
      { name: 'OUI vendor table', licence: 'CC0', source: 'IEEE registration authority (https://standards-oui.ieee.org/)' },
    ]);
  });

  it('returns nothing for an empty or unrelated file', () => {
    expect(parseDatasetLicences('')).toEqual([]);
    expect(parseDatasetLicences('just text\n## heading\nno fields')).toEqual([]);
  });

  it('finds entries with a name and a licence in the real resources/README.md', () => {
    const path = join(process.cwd(), 'resources', 'README.md');
    if (!existsSync(path)) return; // the file is written by the data-set owners; nothing to read yet
    const found = parseDatasetLicences(readFileSync(path, 'utf8'));
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) {
      expect(d.name.length).toBeGreaterThan(0);
      expect(d.licence.length).toBeGreaterThan(0);
    }
  });
});

describe('aboutDetail', () => {
  const base = { productName: 'Porchlight', version: '1.2.3', electron: '45.5.0', chrome: '140.0', node: '22.20.0' };
  it('lists versions, the app licence and each data set with its licence', () => {
    const text = aboutDetail({ ...base, licences: parseDatasetLicences(README) });
    expect(text).toContain('Version 1.2.3');
    expect(text).toContain('Electron 45.5.0');
    expect(text).toContain('MIT licence');
    expect(text).toContain('• EFF large wordlist — CC BY 3.0 US (© Electronic Frontier Foundation)');
    expect(text).toContain('• OUI vendor table — CC0 (source: IEEE registration authority (https://standards-oui.ieee.org/))');
  });
  it('says so when no data set is listed', () => {
    expect(aboutDetail({ ...base, licences: [] })).toContain('Bundled data sets: none listed.');
  });
});

describe('buildMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('has exactly one About item on %s, and clicking it opens the About box', (platform) => {
    const onAbout = vi.fn();
    const items = flatten(buildMenuTemplate({ platform, productName: 'Porchlight', onAbout, devTools: false }));
    const about = items.filter((i) => i.id === 'about');
    expect(about).toHaveLength(1);
    expect(about[0]!.label).toBe('About Porchlight');
    (about[0]!.click as () => void)();
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('puts About in the app menu on macOS and in Help elsewhere', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', productName: 'Porchlight', onAbout: () => {}, devTools: false });
    expect(mac[0]!.label).toBe('Porchlight');
    const linux = buildMenuTemplate({ platform: 'linux', productName: 'Porchlight', onAbout: () => {}, devTools: false });
    const help = linux.find((i) => i.label === '&Help');
    expect((help!.submenu as MenuItemConstructorOptions[])[0]!.id).toBe('about');
  });

  it('offers copy/paste and quit, and the developer tools only when asked', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate({ platform: 'linux', productName: 'P', onAbout: () => {}, devTools })).map((i) => i.role);
    expect(roles(false)).toEqual(expect.arrayContaining(['copy', 'paste', 'quit', 'selectAll']));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
