/**
 * The report's known-vulnerabilities pieces (issue 18), kept apart from html.ts so the device table
 * only gains two cells: per device whether it updates itself and its known exploited
 * vulnerabilities, and below the table each listed device with CISA's required action in plain words.
 */
import type { Report } from './report.js';

type VulnBlock = NonNullable<Report['knownVulnerabilities']>;
type DeviceVulns = VulnBlock['devices'][number];
type Match = DeviceVulns['matches'][number];

const esc = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** CISA's required action, first in plain words. */
export const ACTION_WORDS: Record<Match['action'], string> = {
  'end-of-life': 'The maker no longer supports this model: replace it. Until then keep it on the IoT network and off the internet (no remote access, no port forwarding).',
  'possibly-end-of-life': 'This model may no longer get updates: check the maker’s support page; if there is no fix, replace it.',
  update: 'Install the maker’s firmware update, and check that the firmware is at or past the version with the fix.',
  mitigate: 'Apply the maker’s fix or workaround; if there is none, stop using the device.',
  other: 'Follow CISA’s required action below.',
};

/** How a match was made, in words. */
export const HOW_WORDS: Record<Match['how'], string> = {
  'exact-model': 'the entry names this exact model',
  revision: 'the entry names this model with another hardware revision: check the label on the device',
  'model-family': 'the entry names a product line that includes this model, without listing models',
};

const STATUS_WORDS: Record<DeviceVulns['status'], string> = {
  'end-of-life': 'End of life, on CISA’s list',
  listed: 'On CISA’s list',
  clear: 'None known',
  unidentified: 'Not checked: maker or model unknown',
};

/** The device's KEV record, by the inventory's key. */
export function vulnsOf(report: Report, key: string): DeviceVulns | null {
  return report.knownVulnerabilities?.devices.find((d) => d.key === key) ?? null;
}

type Basis = NonNullable<DeviceVulns['updatesItselfBasis']>;
const BASIS_WORDS: Record<Basis, string> = {
  probe: 'Porchlight’s factory-password check',
  'router-api': 'the router’s own answer',
  owner: 'your answer',
  survey: 'the latest survey',
};
const dayOf = (at: string | null | undefined): string => (at ? ` on ${esc(at.slice(0, 10))}` : '');

/** The device table's "Updates itself" cell, with how it is known. */
export function updatesItselfCell(report: Report, key: string): string {
  const v = vulnsOf(report, key);
  if (v?.updatesItself === true || v?.updatesItself === false) {
    const how = v.updatesItselfBasis ? ` <span class="muted">(${esc(BASIS_WORDS[v.updatesItselfBasis])})</span>` : '';
    return `${v.updatesItself ? 'Yes' : 'No'}${how}`;
  }
  return '<span class="muted">Not known — check its app</span>';
}

type Feature = NonNullable<DeviceVulns['features']>[number];
/** Each security feature as a yes/no sentence, and its short name when not known. */
const FEATURE_WORDS: Record<Feature['id'], { yes: string; no: string; name: string }> = {
  'factory-password-changed': { yes: 'Factory password changed (the factory login was refused)', no: 'Factory password still works', name: 'factory password' },
  'separate-network': { yes: 'On the separate network for smart devices', no: 'Still on this network, not yet on the separate one for smart devices', name: 'separate network' },
  'https-login': { yes: 'Login page uses HTTPS', no: 'Login page without HTTPS (http://)', name: 'HTTPS login page' },
};

/**
 * The device table's security features: each known one with its evidence and date, then one line
 * naming those Porchlight has no evidence for ("not known"), never a guess.
 */
export function featuresCell(report: Report, key: string): string {
  const v = vulnsOf(report, key);
  if (!v?.features) return '<span class="muted">Security features: not recorded in this audit</span>';
  const known = v.features
    .filter((f) => f.state !== null)
    .map((f) => `${esc(f.state ? FEATURE_WORDS[f.id].yes : FEATURE_WORDS[f.id].no)}${f.basis ? ` <span class="muted">(${esc(BASIS_WORDS[f.basis])}${dayOf(f.at)})</span>` : ''}`);
  const unknown = v.features.filter((f) => f.state === null).map((f) => FEATURE_WORDS[f.id].name);
  return [...known, ...(unknown.length ? [`<span class="muted">Not known: ${esc(unknown.join(', '))}</span>`] : [])].join('<br>');
}

/** The device table's "Known exploited vulnerabilities" cell. */
export function knownVulnsCell(report: Report, key: string): string {
  const v = vulnsOf(report, key);
  if (!report.knownVulnerabilities) return '<span class="muted">Not recorded in this audit</span>';
  if (!v) return '<span class="muted">Not compared</span>';
  const cves = v.matches.map((m) => esc(m.cve)).join(', ');
  return `${esc(STATUS_WORDS[v.status])}${cves ? `<br><span class="muted">${cves}</span>` : ''}`;
}

/** Each listed device with CISA's required action in plain words, and the catalog date. */
export function vulnSection(report: Report): string {
  const k = report.knownVulnerabilities;
  if (!k) return '';
  const listed = k.devices.filter((d) => d.matches.length > 0);
  const catalog = `<p class="muted">Compared with CISA’s Known Exploited Vulnerabilities catalog of ${esc(k.catalogVersion.replace(/\./g, '-'))} (${k.catalogCount} entries, kept on this computer).</p>`;
  if (!listed.length) return `<h3>Known exploited vulnerabilities</h3>${catalog}<p>No device in this home is on the list.</p>`;
  const items = listed
    .map((d) => {
      const rows = d.matches
        .map((m) => `<li><b>${esc(m.cve)}</b> — ${esc(m.name)} <span class="muted">(added ${esc(m.dateAdded)}${m.newSinceLastAudit ? ', new since the last audit' : ''}; ${esc(HOW_WORDS[m.how])})</span><br>${esc(ACTION_WORDS[m.how === 'model-family' && m.action === 'end-of-life' ? 'possibly-end-of-life' : m.action])}<br><span class="muted">CISA’s required action: ${esc(m.requiredAction)}</span></li>`)
        .join('\n');
      return `<h4>${esc(d.name)} — ${esc([d.vendor, d.model].filter(Boolean).join(' '))}${d.firmware ? `, firmware ${esc(d.firmware)}` : ''}</h4><ul>\n${rows}\n</ul>`;
    })
    .join('\n');
  return `<h3>Known exploited vulnerabilities</h3>${catalog}${items}`;
}
