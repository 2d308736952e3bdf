import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { ConfirmationStore, ConfirmationView } from '../confirmations/index.js';
import { rollUp, type SubjectNamer } from '../confirmations/index.js';
import { PorchlightError } from '../errors.js';
import { msg, type Message } from '../messages/index.js';
import { vendorMatches, type AccountCatalog } from './catalog.js';
import { ROUTER_SOURCES } from '../router/index.js';

export const OUTAGE_FILE = 'outage-plans.json';

const Status = z.enum(['pass', 'warn', 'fail']);
const Choice = z.strictObject({ id: z.string().regex(/^[a-z-]{2,30}$/), label: z.string().min(3), status: Status });

/** The updates step's data: firmware answers and the outage plan of each risk profile. */
export const OutagePlansSchema = z.strictObject({
  version: z.literal(1),
  note: z.string(),
  reviewed: z.iso.date(),
  firmware: z.strictObject({ why: z.string().min(20), autoUpdateWhy: z.string().min(10), answers: z.array(Choice).min(2) }),
  profiles: z
    .array(
      z.strictObject({
        id: z.enum(['renter', 'homeowner', 'high-risk']),
        name: z.string().min(3),
        who: z.string().min(20),
        stopsWithoutInternet: z.array(z.string().min(10)).min(1),
        localAutomation: z.string().min(20),
        cellularBackup: z.string().min(20),
        professionalMonitoring: z.string().min(20),
        hybrid: z.string().min(20),
        choices: z.array(Choice).min(2),
      }),
    )
    .length(3),
});
export type OutagePlans = z.infer<typeof OutagePlansSchema>;

/** Loads resources/outage-plans.json through its schema. */
export function loadOutagePlans(resourcesDir: string): OutagePlans {
  return loadResource(resourcesDir, OUTAGE_FILE, OutagePlansSchema);
}

/** What the survey learned about the router without logging in, as this step keeps it. */
export const RouterIdentitySchema = z.strictObject({
  vendor: z.string().max(200).nullable(),
  model: z.string().max(200).nullable(),
  firmware: z.string().max(100).nullable(),
  sources: z.array(z.string().max(40)).max(10),
});
export type RouterIdentity = z.infer<typeof RouterIdentitySchema>;

const optText = (max: number) => z.string().max(max).nullable().optional();

/**
 * The router identity as hosts hand it over: the survey's shape (sources per field, evidence
 * list), the audit record's (a list of sources, an address) or this step's own; normalised to
 * RouterIdentity with the source of the firmware first.
 */
export const RouterIdentityInputSchema = z
  .object({
    vendor: optText(200),
    model: optText(200),
    firmware: optText(100),
    sources: z.union([
      z.array(z.string().max(40)).max(10),
      z.object({ vendor: optText(40), model: optText(40), firmware: optText(40) }),
    ]),
  })
  .transform((r): RouterIdentity => {
    const list = Array.isArray(r.sources)
      ? r.sources
      : [r.sources.firmware, r.sources.model, r.sources.vendor].filter((x): x is string => typeof x === 'string');
    return { vendor: r.vendor ?? null, model: r.model ?? null, firmware: r.firmware ?? null, sources: [...new Set(list)] };
  });

/** The router of the newest audit in history, if one was recorded (any shape that parses). */
export function routerFromHistory(audits: readonly unknown[]): RouterIdentity | null {
  const last = audits[audits.length - 1];
  if (!last || typeof last !== 'object') return null;
  const parsed = RouterIdentityInputSchema.safeParse((last as Record<string, unknown>).router);
  return parsed.success ? parsed.data : null;
}

/** A device of the survey's inventory as the firmware question lists it, with the last answer given. */
export interface FirmwareDevice {
  id: string;
  name: string;
  vendor: string | null;
  category: string | null;
  answer: string | null;
}

const str = (v: unknown, max = 120): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

/**
 * The devices of the home model that are still at home and have firmware of their own: a removed
 * device, the router (its own question), computers and phones, and an id that cannot be a
 * confirmation subject are left out.
 */
export function devicesFromHistory(devices: Record<string, unknown>): Omit<FirmwareDevice, 'answer'>[] {
  const out: Omit<FirmwareDevice, 'answer'>[] = [];
  for (const [id, raw] of Object.entries(devices)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !/^[A-Za-z0-9._:-]{1,64}$/.test(id)) continue;
    const d = raw as Record<string, unknown>;
    if (d.removed === true || d.category === 'router' || d.category === 'computer' || d.category === 'phone') continue;
    const names = Array.isArray(d.names) ? d.names.map((n) => str(n)).filter((n): n is string => n !== null) : [];
    const vendor = str(d.vendor);
    out.push({ id, name: str(d.userName) ?? names[0] ?? (vendor ? `${vendor} device` : id), vendor, category: str(d.userCategory, 40) ?? str(d.category, 40) });
  }
  return out.slice(0, 500);
}

export interface DeviceFirmwareAnswer {
  id: string;
  name: string;
  answer: string;
}

/**
 * The updates step's core: per-device firmware answers (devices.firmware), the router's
 * firmware — its version as the survey read it, shown and kept with the answer
 * (router.firmware) — and the outage plan for the chosen risk profile (resilience.outage-plan).
 * Whether a version is the *latest* cannot be read from the router without logging in, so the
 * user confirms it against the vendor's page; the evidence is therefore *confirmed*.
 */
export class UpdatesStep {
  constructor(
    private readonly plans: OutagePlans,
    private readonly accounts: AccountCatalog,
    private readonly confirmations: ConfirmationStore,
    private readonly checks: CheckBoard,
  ) {}

  /**
   * The data, the vendor's firmware page for the router the survey identified, the inventory's
   * devices, and the answers given last time (so a re-audit starts from them).
   */
  view(
    router: RouterIdentity | null = null,
    inventory: Record<string, unknown> = {},
  ): OutagePlans & {
    router: RouterIdentity | null;
    routerAccount: string | null;
    routerFirmwareUrl: string | null;
    devices: FirmwareDevice[];
    previous: { routerAnswer: string | null; profile: string | null; choice: string | null };
  } {
    const entry =
      router?.vendor != null
        ? this.accounts.accounts.find((a) => a.roles.includes('router') && a.vendorPatterns.some((p) => vendorMatches(router.vendor!, p)))
        : undefined;
    const answerOf = (checkId: string, subject: string, key: string) => {
      const v = this.confirmations.get(checkId, subject)?.answer[key];
      return typeof v === 'string' ? v : null;
    };
    const devices = devicesFromHistory(inventory).map((d) => ({ ...d, answer: answerOf('devices.firmware', d.id, 'answer') }));
    return {
      ...this.plans,
      router,
      routerAccount: entry?.id ?? null,
      routerFirmwareUrl: entry?.firmwareUrl ?? null,
      devices,
      previous: {
        routerAnswer: answerOf('router.firmware', 'router', 'answer'),
        profile: answerOf('resilience.outage-plan', 'home', 'profile'),
        choice: answerOf('resilience.outage-plan', 'home', 'choice'),
      },
    };
  }

  /**
   * The reader's name of a subject of this step: a device by the name kept with its answer, the
   * router by its maker and model ("your router" when unknown), the home by its risk profile.
   */
  readonly nameOf: SubjectNamer = (subject) => {
    if (subject === 'router') {
      const a = this.confirmations.get('router.firmware', 'router')?.answer;
      const name = [a?.vendor, a?.model].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' ');
      return name || msg('confirmation.updates.your-router');
    }
    if (subject === 'home') {
      const profile = this.confirmations.get('resilience.outage-plan', 'home')?.answer.profile;
      return this.plans.profiles.some((p) => p.id === profile) ? msg(`confirmation.updates.profile.${String(profile)}`) : null;
    }
    return null;
  };

  /** A firmware answer in the reader's words (`confirmation.updates.firmware.<answer id>`). */
  private firmwareWords(id: string): Message {
    return msg(`confirmation.updates.firmware.${id}`);
  }

  private answer(id: string) {
    const a = this.plans.firmware.answers.find((x) => x.id === id);
    if (!a) throw new PorchlightError('invalid-arguments', 'error.answer-invalid', { answer: id, setting: 'firmware' });
    return a;
  }

  /** Records firmware answers per device and for the router, then rolls them up into their checks. */
  confirmFirmware(input: { devices: readonly DeviceFirmwareAnswer[]; router: { identity: RouterIdentity | null; answer: string } | null }): {
    checks: CheckView[];
    records: ConfirmationView[];
  } {
    const records: ConfirmationView[] = [];
    const ids = new Set<string>();
    for (const d of input.devices) {
      if (ids.has(d.id)) throw new PorchlightError('invalid-arguments', 'error.listed-twice', { name: d.name });
      ids.add(d.id);
      const a = this.answer(d.answer);
      records.push(
        this.confirmations.record({ checkId: 'devices.firmware', subject: d.id, status: a.status, note: this.firmwareWords(a.id), answer: { name: d.name, answer: a.id } }),
      );
    }
    this.confirmations.forgetSubjects('devices.firmware', (s) => ids.has(s));
    const checks = [rollUp(this.confirmations, this.checks, 'devices.firmware', msg('confirmation.updates.no-devices'), this.nameOf)];
    if (input.router) {
      const a = this.answer(input.router.answer);
      const id = input.router.identity;
      // The version the survey read, and where from, goes with the answer (names and words, no ids).
      const sources = (id?.sources ?? []).filter((x) => (ROUTER_SOURCES as readonly string[]).includes(x)).map((x) => msg(`report.source.${x}`));
      const note = id?.firmware
        ? sources.length
          ? msg('confirmation.updates.router-firmware-from', { firmware: id.firmware, sources, answer: this.firmwareWords(a.id) })
          : msg('confirmation.updates.router-firmware', { firmware: id.firmware, answer: this.firmwareWords(a.id) })
        : this.firmwareWords(a.id);
      records.push(
        this.confirmations.record({
          checkId: 'router.firmware',
          subject: 'router',
          status: a.status,
          note,
          answer: { answer: a.id, vendor: id?.vendor ?? null, model: id?.model ?? null, firmware: id?.firmware ?? null, readAutomatically: !!id?.firmware },
        }),
      );
      checks.push(rollUp(this.confirmations, this.checks, 'router.firmware', msg('confirmation.updates.no-router-answer'), this.nameOf));
    }
    return { checks, records };
  }

  /** Records the outage plan chosen for a risk profile (resilience.outage-plan). */
  confirmOutagePlan(input: { profile: string; choice: string }): { check: CheckView; record: ConfirmationView } {
    const profile = this.plans.profiles.find((p) => p.id === input.profile);
    if (!profile) throw new PorchlightError('invalid-arguments', 'error.answer-invalid', { answer: input.profile, setting: 'risk-profile' });
    const choice = profile.choices.find((c) => c.id === input.choice);
    if (!choice) throw new PorchlightError('invalid-arguments', 'error.answer-invalid', { answer: input.choice, setting: profile.id });
    const record = this.confirmations.record({
      checkId: 'resilience.outage-plan',
      subject: 'home',
      status: choice.status,
      note: msg(`confirmation.updates.outage.${choice.id}`),
      answer: { profile: profile.id, choice: choice.id },
    });
    return { check: rollUp(this.confirmations, this.checks, 'resilience.outage-plan', msg('confirmation.updates.no-outage-plan'), this.nameOf), record };
  }
}
