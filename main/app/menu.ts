/**
 * The native menu and the About box. Pure: the template and the About text are built from plain
 * data (unit-tested); main/index.ts hands them to Menu.buildFromTemplate and dialog.showMessageBox.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** One bundled data set and its licence, as listed in resources/README.md. */
export interface DatasetLicence {
  name: string;
  licence: string;
  source?: string;
}

/**
 * Reads the data-set sections of resources/README.md: every `## Heading` section that has a
 * `Licence:` (or `License:`) line becomes one entry; its `Source:` line is kept when present.
 * Markdown decoration (list dashes, bold, links) is stripped; anything unparseable is skipped.
 */
export function parseDatasetLicences(readme: string): DatasetLicence[] {
  const out: DatasetLicence[] = [];
  const clean = (s: string) =>
    s
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
      .replace(/[*_`]/g, '')
      .trim();
  for (const section of readme.split(/^##\s+/m).slice(1)) {
    const [heading = '', ...lines] = section.split(/\r?\n/);
    const field = (re: RegExp) => {
      for (const line of lines) {
        const m = re.exec(line.replace(/\*\*/g, '').replace(/^\s*[-*]\s*/, ''));
        if (m?.[1]) return clean(m[1]);
      }
      return undefined;
    };
    const licence = field(/^\s*licen[cs]es?\s*:\s*(.+)$/i);
    if (!licence) continue;
    const source = field(/^\s*source\s*:\s*(.+)$/i);
    out.push({ name: clean(heading), licence, ...(source ? { source } : {}) });
  }
  return out;
}

/** Everything the About box shows. */
export interface AboutInfo {
  productName: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  licences: readonly DatasetLicence[];
}

/** The About box's detail text: versions, the app's own licence, and each bundled data set's licence. */
export function aboutDetail(info: AboutInfo): string {
  const lines = [
    `Version ${info.version}`,
    `Electron ${info.electron} · Chromium ${info.chrome} · Node ${info.node}`,
    '',
    `${info.productName} is released under the MIT licence.`,
    '',
  ];
  if (info.licences.length === 0) {
    lines.push('Bundled data sets: none listed.');
  } else {
    lines.push('Bundled data sets:');
    for (const d of info.licences) lines.push(`• ${d.name} — ${d.licence}${d.source ? ` (source: ${d.source})` : ''}`);
  }
  return lines.join('\n');
}

/** Builds the application menu. On macOS the About item lives in the app menu, elsewhere in Help. */
export function buildMenuTemplate(opts: {
  platform: NodeJS.Platform;
  productName: string;
  onAbout: () => void;
  devTools: boolean;
}): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const about: MenuItemConstructorOptions = { id: 'about', label: `About ${opts.productName}`, click: () => opts.onAbout() };
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (opts.devTools) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.productName,
      submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push(
    { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: '&View', submenu: view },
    { role: 'windowMenu' },
  );
  if (!mac) template.push({ label: '&Help', submenu: [about] });
  return template;
}
