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

const stripMarkdown = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The licence named in a piece of text: `licence **X** (…)`, `Licence: X.` or `License: X`. */
function licenceIn(text: string): string | undefined {
  const bold = /\blicen[cs]ed?\b[^*:]{0,20}\*\*([^*]+)\*\*(\s*\([^)]*\))?/i.exec(text);
  if (bold?.[1]) return stripMarkdown(`${bold[1]}${bold[2] ?? ''}`);
  const colon = /\blicen[cs]es?\s*:\s*(.+?)(?:\.(?:\s|$)|$)/im.exec(text);
  return colon?.[1] ? stripMarkdown(colon[1]) : undefined;
}

/** The `Source:` of a piece of text, if it has one. */
function sourceIn(text: string): string | undefined {
  const m = /^\s*(?:[-*]\s*)?source\s*:\s*(.+)$/im.exec(text.replace(/\*\*/g, ''));
  return m?.[1] ? stripMarkdown(m[1]) : undefined;
}

/**
 * Reads the data sets and their licences from resources/README.md, whose sections are written by
 * several people in a few shapes: a table with a "licence" column, list items that say
 * "licence **X**" or "Licence: X", or a section with a `Licence:` line. Each list item or table row
 * that names a licence becomes one entry (named by its first bold text or its first words); a
 * section with no such item but a `Licence:` line becomes one entry named by its heading.
 * Anything unparseable is skipped, never thrown.
 */
export function parseDatasetLicences(readme: string): DatasetLicence[] {
  const out: DatasetLicence[] = [];
  for (const section of readme.split(/^##\s+/m).slice(1)) {
    const [heading = '', ...lines] = section.split(/\r?\n/);
    const found: DatasetLicence[] = [];
    // Tables with a licence column.
    let header: string[] | null = null;
    for (const line of lines) {
      if (!line.trim().startsWith('|')) {
        header = null;
        continue;
      }
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (!header) {
        header = cells;
        continue;
      }
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
      const at = header.findIndex((h) => /licen[cs]e/i.test(h));
      if (at < 0 || !cells[at]) continue;
      found.push({ name: `${stripMarkdown(heading)}: ${stripMarkdown(cells[0] ?? '')}`, licence: stripMarkdown(cells[at]!) });
    }
    // Top-level list items (with their indented continuation lines).
    const items: string[] = [];
    for (const line of lines) {
      if (/^[-*]\s+/.test(line)) items.push(line.replace(/^[-*]\s+/, ''));
      else if (/^\s+\S/.test(line) && items.length > 0 && !line.trim().startsWith('|')) items[items.length - 1] += `\n${line}`;
    }
    for (const item of items) {
      const licence = licenceIn(item);
      if (!licence) continue;
      const name = /\*\*([^*]+)\*\*/.exec(item)?.[1] ?? item.split(/\s+—\s+|:\s|\n/)[0] ?? '';
      const source = sourceIn(item);
      found.push({ name: stripMarkdown(name), licence, ...(source ? { source } : {}) });
    }
    if (found.length === 0) {
      const body = lines.join('\n');
      const licence = licenceIn(body);
      if (licence) {
        const source = sourceIn(body);
        found.push({ name: stripMarkdown(heading), licence, ...(source ? { source } : {}) });
      }
    }
    out.push(...found);
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
    const cut = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);
    for (const d of info.licences) lines.push(`• ${cut(d.name, 80)} — ${cut(d.licence, 120)}${d.source ? ` (source: ${cut(d.source, 80)})` : ''}`);
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
