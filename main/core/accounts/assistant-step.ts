import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import { checkExternalUrl } from '../shell/index.js';
import type { HomeModel } from '../model/index.js';
import type { CheckBoard } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { ConfirmationStore, ConfirmationView } from '../confirmations/index.js';
import { rollUp, type SubjectNamer } from '../confirmations/index.js';
import { PorchlightError } from '../errors.js';
import { msg } from '../messages/index.js';

export const ASSISTANT_FILE = 'assistant-settings.json';
export const ASSISTANT_IDS = ['alexa', 'google', 'siri'] as const;
export const AssistantIdSchema = z.enum(ASSISTANT_IDS);
export type AssistantId = z.infer<typeof AssistantIdSchema>;

const https = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(400);
const WhereSchema = z.union([
  z.strictObject({ path: z.string().min(10), url: https.nullable() }),
  z.strictObject({ notOffered: z.string().min(10) }),
]);

const SettingSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z-]{2,30}$/),
    checkId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
    title: z.string().min(5),
    why: z.string().min(20),
    question: z.string().min(5),
    requires: z.enum(['smart-lock']).nullable(),
    notApplicable: z.string().min(10).optional(),
    options: z.array(z.strictObject({ id: z.string().regex(/^[a-z-]{2,30}$/), label: z.string().min(3), status: z.enum(['pass', 'warn', 'fail']) })).min(2),
    where: z.strictObject({ alexa: WhereSchema, google: WhereSchema, siri: WhereSchema }),
  })
  .refine((s) => s.requires === null || s.notApplicable !== undefined, { message: 'a setting with a requirement says why it is not applicable without it', path: ['notApplicable'] });

/** The assistant step's data: the assistants and, per setting, why it matters and where it lives. */
export const AssistantSettingsSchema = z.strictObject({
  version: z.literal(1),
  note: z.string(),
  reviewed: z.iso.date(),
  assistants: z.array(z.strictObject({ id: AssistantIdSchema, name: z.string().min(3), app: z.string().min(3), accountId: z.string() })).min(1),
  settings: z.array(SettingSchema).min(1),
});
export type AssistantSettings = z.infer<typeof AssistantSettingsSchema>;
export type AssistantSetting = AssistantSettings['settings'][number];

/** Loads resources/assistant-settings.json; every linked page must pass the external-link allow-list. */
export function loadAssistantSettings(resourcesDir: string, allowedHosts: readonly string[]): AssistantSettings {
  const data = loadResource(resourcesDir, ASSISTANT_FILE, AssistantSettingsSchema);
  data.settings.forEach((s, i) => {
    for (const id of ASSISTANT_IDS) {
      const w = s.where[id];
      if ('url' in w && w.url !== null) {
        try {
          checkExternalUrl(w.url, allowedHosts);
        } catch (err) {
          throw new PorchlightError('internal', 'error.internal', { detail: `Resource ${ASSISTANT_FILE} is invalid at settings.${i}.where.${id}.url: ${(err as Error).message}` });
        }
      }
    }
  });
  return data;
}

/** One assistant's answers: an option id per setting id. */
export interface AssistantAnswers {
  assistant: AssistantId;
  answers: Record<string, string>;
}

/**
 * The assistant step's core: records, per assistant and setting, the user's answer (dated,
 * expiring) and rolls them up into voice.purchasing, voice.unlock-pin, voice.recordings and —
 * for the skills review — accounts.integrations-review (subject `assistant-<id>`). A setting
 * that needs a smart lock is skipped with its reason when the home has none; one an assistant
 * does not offer is skipped for that assistant.
 */
export class AssistantStep {
  constructor(
    private readonly data: AssistantSettings,
    private readonly confirmations: ConfirmationStore,
    private readonly checks: CheckBoard,
    private readonly history: Pick<HomeModel, 'read'>,
    /** Names of subjects other steps add to the same checks (the accounts in the skills review); null when unknown. */
    private readonly otherNames: SubjectNamer = () => null,
  ) {}

  /** An assistant's name as the reader knows it (`assistant-alexa` → "Amazon Alexa"), else another step's name for the subject. */
  readonly nameOf: SubjectNamer = (subject) =>
    (subject.startsWith('assistant-') ? this.data.assistants.find((a) => `assistant-${a.id}` === subject)?.name : undefined) ?? this.otherNames(subject);

  /**
   * The data, whether the survey's inventory seems to hold a smart lock, and the answers given
   * last time (expired or not) keyed `<setting>.<assistant>`, so a re-audit starts from them.
   */
  view(): AssistantSettings & { surveyFoundLock: boolean; previous: { assistants: AssistantId[]; hasSmartLock: boolean | null; answers: Record<string, string> } } {
    const surveyFoundLock = Object.values(this.history.read().devices).some(
      (d) => !!d && typeof d === 'object' && !Array.isArray(d) && (d as Record<string, unknown>).category === 'lock',
    );
    const answers: Record<string, string> = {};
    const assistants = new Set<AssistantId>();
    let hasSmartLock: boolean | null = null;
    for (const s of this.data.settings) {
      for (const r of this.confirmations.list(s.checkId).records) {
        const who = r.subject?.startsWith('assistant-') ? AssistantIdSchema.safeParse(r.subject.slice('assistant-'.length)) : null;
        if (!who?.success || r.answer.setting !== s.id) continue;
        assistants.add(who.data);
        if (typeof r.answer.option === 'string') answers[`${s.id}.${who.data}`] = r.answer.option;
        if (s.requires === 'smart-lock') hasSmartLock = r.status !== 'skipped' || hasSmartLock === true;
      }
    }
    return { ...this.data, surveyFoundLock, previous: { assistants: ASSISTANT_IDS.filter((a) => assistants.has(a)), hasSmartLock, answers } };
  }

  confirm(input: { hasSmartLock: boolean; assistants: readonly AssistantAnswers[] }): { checks: CheckView[]; records: ConfirmationView[] } {
    if (input.assistants.length === 0) throw new PorchlightError('invalid-arguments', 'error.choose-assistant');
    const chosen = new Set<string>();
    for (const a of input.assistants) {
      if (chosen.has(a.assistant)) throw new PorchlightError('invalid-arguments', 'error.listed-twice', { name: a.assistant });
      chosen.add(a.assistant);
      for (const key of Object.keys(a.answers)) {
        if (!this.data.settings.some((s) => s.id === key)) throw new PorchlightError('invalid-arguments', 'error.assistant-setting-unknown', { setting: key });
      }
    }
    const records: ConfirmationView[] = [];
    for (const a of input.assistants) {
      for (const s of this.data.settings) {
        records.push(this.recordOne(s, a, input.hasSmartLock));
      }
    }
    const touched = [...new Set(this.data.settings.map((s) => s.checkId))];
    for (const checkId of touched) {
      this.confirmations.forgetSubjects(checkId, (subj) => !subj.startsWith('assistant-') || chosen.has(subj.slice('assistant-'.length)));
    }
    const checks = touched.map((checkId) => {
      const s = this.data.settings.find((x) => x.checkId === checkId)!;
      const empty = s.notApplicable !== undefined ? msg(`confirmation.assistant.not-applicable.${s.id}`) : msg('confirmation.assistant.none-applies');
      return rollUp(this.confirmations, this.checks, checkId, empty, this.nameOf);
    });
    return { checks, records };
  }

  private recordOne(s: AssistantSetting, a: AssistantAnswers, hasSmartLock: boolean): ConfirmationView {
    const subject = `assistant-${a.assistant}`;
    const where = s.where[a.assistant];
    // Notes are catalog words keyed by the resource's ids (confirmation.assistant.*; a unit test keeps
    // every setting, option and "not offered" of resources/assistant-settings.json worded in each language).
    if (s.requires === 'smart-lock' && !hasSmartLock) {
      return this.confirmations.record({ checkId: s.checkId, subject, status: 'skipped', note: msg(`confirmation.assistant.not-applicable.${s.id}`), answer: { setting: s.id, option: null } });
    }
    if ('notOffered' in where) {
      return this.confirmations.record({ checkId: s.checkId, subject, status: 'skipped', note: msg(`confirmation.assistant.not-offered.${s.id}.${a.assistant}`), answer: { setting: s.id, option: null } });
    }
    const optionId = a.answers[s.id];
    if (optionId === undefined) throw new PorchlightError('invalid-arguments', 'error.assistant-answer-missing', { assistant: a.assistant, setting: s.id });
    const option = s.options.find((o) => o.id === optionId);
    if (!option) throw new PorchlightError('invalid-arguments', 'error.answer-invalid', { answer: optionId, setting: s.id });
    return this.confirmations.record({
      checkId: s.checkId,
      subject,
      status: option.status,
      note: msg(`confirmation.assistant.answer.${s.id}.${option.id}`),
      answer: { setting: s.id, option: option.id },
    });
  }
}
