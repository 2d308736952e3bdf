import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutDetail, buildMenuTemplate, parseDatasetLicences } from '../../../main/app/menu.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

const README = `# Bundled data

Intro text, no licence line here.

## OUI vendor table (oui-data)
- Source: [IEEE registration authority](https://standards-oui.ieee.org/) via the **oui-data** npm package
- Licence: MIT (package); IEEE data is public

## Common passwords wordlist
Source: SecLists
**License:** CC BY-SA 3.0

## Section without licence
- Source: somewhere
`;

describe('parseDatasetLicences (resources/README.md)', () => {
  it('reads every section that names a licence, with its source', () => {
    expect(parseDatasetLicences(README)).toEqual([
      {
        name: 'OUI vendor table (oui-data)',
        licence: 'MIT (package); IEEE data is public',
        source: 'IEEE registration authority (https://standards-oui.ieee.org/) via the oui-data npm package',
      },
      { name: 'Common passwords wordlist', licence: 'CC BY-SA 3.0', source: 'SecLists' },
    ]);
  });

  it('returns nothing for an empty or unrelated file', () => {
    expect(parseDatasetLicences('')).toEqual([]);
    expect(parseDatasetLicences('just text\n## heading\nno fields')).toEqual([]);
  });
});

describe('aboutDetail', () => {
  const base = { productName: 'Porchlight', version: '1.2.3', electron: '45.5.0', chrome: '140.0', node: '22.20.0' };
  it('lists versions, the app licence and each data set with its licence', () => {
    const text = aboutDetail({ ...base, licences: parseDatasetLicences(README) });
    expect(text).toContain('Version 1.2.3');
    expect(text).toContain('Electron 45.5.0');
    expect(text).toContain('MIT licence');
    expect(text).toContain('• OUI vendor table (oui-data) — MIT (package); IEEE data is public');
    expect(text).toContain('• Common passwords wordlist — CC BY-SA 3.0 (source: SecLists)');
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
