import type { CheckView } from '../checks/index.js';
import { NOT_CHECKED_YET } from '../checks/index.js';

/** How a check is known, in the four words the summary and the reports use. */
export type EvidenceState = 'verified' | 'confirmed' | 'expired' | 'none';

/** Evidence as reports show it: its state, dates, and one plain sentence. */
export interface EvidenceView {
  kind: EvidenceState;
  at: string | null;
  expiresAt: string | null;
  text: string;
}

const day = (iso: string) => iso.slice(0, 10);

/** "verified on DATE" / "confirmed on DATE" / "expired on DATE" / "unknown because …" for one check. */
export function describeEvidence(view: Pick<CheckView, 'status' | 'evidence' | 'expired'> & { reason: string | null }): EvidenceView {
  const e = view.evidence;
  if (e.kind === 'confirmed' && view.expired) {
    return { kind: 'expired', at: e.at, expiresAt: e.expiresAt, text: `confirmed on ${day(e.at)}, expired on ${day(e.expiresAt)}` };
  }
  if (e.kind === 'confirmed') {
    return { kind: 'confirmed', at: e.at, expiresAt: e.expiresAt, text: `confirmed on ${day(e.at)} (valid until ${day(e.expiresAt)})` };
  }
  if (e.kind === 'verified') {
    const base = `verified on ${day(e.at)}`;
    return { kind: 'verified', at: e.at, expiresAt: null, text: view.status === 'unknown' ? `${base}: unknown because ${view.reason}` : base };
  }
  if (view.status === 'skipped') return { kind: 'none', at: null, expiresAt: null, text: `skipped: ${view.reason}` };
  return { kind: 'none', at: null, expiresAt: null, text: `unknown because ${view.reason ?? NOT_CHECKED_YET}` };
}

const STEP_NAMES: Record<CheckView['step'], string> = {
  welcome: 'Welcome',
  survey: 'Survey',
  wifi: 'Wi-Fi',
  segmentation: 'Segmentation',
  passwords: 'Passwords',
  accounts: 'Accounts',
  assistant: 'Assistant',
  updates: 'Updates',
  summary: 'Summary',
};

/** The one next action for a check, or null when nothing is left to do. */
export function nextAction(view: Pick<CheckView, 'status' | 'expired' | 'next' | 'step' | 'evidenceKinds'>): string | null {
  if (view.status === 'pass' || view.status === 'skipped') return null;
  const step = STEP_NAMES[view.step];
  if (view.expired) return `Check this again and re-confirm it in the ${step} step.`;
  if (view.status === 'unknown') {
    return view.evidenceKinds.includes('confirmed')
      ? `Open the ${step} step of Porchlight to check or confirm this. ${view.next}`
      : `Run the ${step} step of Porchlight so it can measure this. ${view.next}`;
  }
  return view.next;
}
