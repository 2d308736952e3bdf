/**
 * The home model: what Porchlight knows about one home, as ONE versioned document (`home.json`).
 * Steps, the audit, the report, the CLI and the renderer read and update it through the core's
 * `HomeModel` service; no other layer keeps its own copy of these facts. It never holds a secret:
 * only public facts seen on the network, the owner's edits and answers, and dated outcomes.
 */
import { z } from 'zod';
import { DeviceCategorySchema } from '../network/index.js';
import { ROUTER_SOURCES } from '../router/index.js';
import { WIFI_SECURITY_CLASSES } from '../wifi/index.js';
import { MessageSchema, StoredTextSchema } from '../messages/index.js';

const iso = z.iso.datetime({ offset: true });
const short = (max: number) => z.string().max(max);

/** The current version of the home model document. */
export const HOME_MODEL_VERSION = 1;

/** One device as remembered across surveys: what the network said, plus the owner's edits. */
export const DeviceRecordSchema = z.strictObject({
  /** Stable id: the MAC when known, else `ip:<address>` or `manual:<name>-<n>`. */
  id: short(80).min(1),
  ip: short(45).nullable(),
  mac: short(17).nullable(),
  vendor: short(200).nullable(),
  model: short(200).nullable().default(null),
  category: DeviceCategorySchema,
  /** What decided the category, in plain words; null for records written before sources were kept. */
  /** What decided the category: a message (`survey.basis.*`), or the plain words a profile saved before codes. */
  categoryBasis: StoredTextSchema.nullable().default(null),
  /** Names the network gave (mDNS instance, friendlyName …). */
  names: z.array(short(200)).max(16),
  services: z.array(short(200)).max(64),
  firstSeen: iso.nullable(),
  lastSeen: iso.nullable(),
  /** The owner's name for it, shown first. */
  userName: short(80).nullable().default(null),
  /** The owner's category, overriding the classifier. */
  userCategory: DeviceCategorySchema.nullable().default(null),
  /** The owner marked it to move to the IoT network. */
  moveToIot: z.boolean().default(false),
  /** The owner removed it; it stays removed until the owner restores it. */
  removed: z.boolean().default(false),
  removedAt: iso.nullable().default(null),
  manual: z.boolean().default(false),
  /** The owner's answer to "where is its login page" (http(s) URL or host[:port]); null when not given. */
  loginPage: short(300).nullable().default(null),
  /** The owner's maker and model for a device Porchlight could not identify (matched against the KEV catalog). */
  userVendor: short(200).nullable().default(null),
  userModel: short(200).nullable().default(null),
  /** The firmware version the device itself announced (UPnP description, mDNS TXT record) and where; absent or null when not known. */
  firmware: short(200).nullable().optional(),
  firmwareSource: short(200).nullable().optional(),
});
export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;

/** How the latest survey saw a device. */
export const SEEN_BY = ['neighbors', 'mdns', 'ssdp', 'target', 'sweep'] as const;

/**
 * A device as the survey step, `porchlight survey --json` and the IPC channel show it: the model's
 * record (the owner's name first among the names, the owner's category over the classifier's) plus
 * how the latest survey saw it. The one shape of a surveyed device outside the model.
 */
export const InventoryDeviceSchema = DeviceRecordSchema.pick({ id: true, ip: true, mac: true, vendor: true, model: true, services: true, category: true, firstSeen: true, lastSeen: true, moveToIot: true, manual: true })
  .extend({
    /** The owner's name first, then the names the network gave. */
    names: z.array(short(200)).max(17),
    /** What decided the category: the owner's choice, or the evidence, as a message (null when not known). */
    categoryBasis: MessageSchema.nullable().optional(),
    /** Seen in the latest survey, and how; empty when only remembered. */
    seenBy: z.array(z.enum(SEEN_BY)),
    status: z.enum(['identified', 'unknown', 'not-seen']),
    /** Why a device is unknown or not seen, as a message. */
    reason: MessageSchema.nullable(),
  })
  .strict();
export type InventoryDeviceView = z.infer<typeof InventoryDeviceSchema>;

const RouterSourceSchema = z.enum(ROUTER_SOURCES);
const fields = <T extends z.ZodType>(t: T) => z.strictObject({ vendor: t, model: t, firmware: t });

/**
 * The router's identity with its reasons in the given shape: messages in what the survey reports
 * now, messages or the English a profile saved before codes in the home model.
 */
const routerIdentityWith = <T extends z.ZodType>(reason: T) =>
  z.strictObject({
    vendor: short(500).nullable(),
    model: short(500).nullable(),
    firmware: short(500).nullable(),
    friendlyName: short(500).nullable(),
    sources: fields(RouterSourceSchema.nullable()),
    /** Why each unknown field is unknown. */
    unknown: fields(reason.nullable()).optional(),
    /** What each source said, or why it said nothing (`error`), and what it said that is not about the router (`setAside`). */
    evidence: z
      .array(
        z.strictObject({
          source: RouterSourceSchema,
          url: short(2000).nullable(),
          vendor: short(500).nullable(),
          model: short(500).nullable(),
          firmware: short(500).nullable(),
          error: reason.nullable(),
          setAside: reason.nullable().optional(),
        }),
      )
      .max(32),
  });

/** The router's identity as the survey reports it: each field with its source, and why an unknown one is unknown (messages). */
export const RouterIdentitySchema = routerIdentityWith(MessageSchema);
export type RouterIdentity = z.infer<typeof RouterIdentitySchema>;

/**
 * The router's identity as the home model keeps it: reasons are messages, or English prose in a
 * profile saved before the survey spoke in codes (read it through `toMessage`). Same version: every
 * profile that loaded before still loads.
 */
export const StoredRouterIdentitySchema = routerIdentityWith(StoredTextSchema);
export type StoredRouterIdentity = z.infer<typeof StoredRouterIdentitySchema>;

/**
 * The survey's outcome as `porchlight survey --json` prints it, the survey step shows it and the
 * survey channel carries it: the gateway, the inventory (the model's devices as seen), the notes
 * about what could not be read, and the time it took. The one shape of a survey report.
 */
export const SurveyReportSchema = z.object({
  gateway: z.object({ address: z.string().nullable(), mac: z.string().nullable(), router: RouterIdentitySchema.nullable() }),
  devices: z.array(InventoryDeviceSchema),
  /** What the survey could not read as a whole, as messages. */
  notes: z.array(MessageSchema).max(32),
  durationMs: z.number(),
  budgetMs: z.number(),
  withinBudget: z.boolean(),
  finishedAt: z.string(),
});
export type SurveyReportDoc = z.infer<typeof SurveyReportSchema>;

/** The router as last surveyed: its address and MAC, the identity, and when. */
export const RouterRecordSchema = z.strictObject({
  address: short(64).nullable(),
  mac: short(17).nullable(),
  identity: StoredRouterIdentitySchema.nullable(),
  at: iso,
});
export type RouterRecord = z.infer<typeof RouterRecordSchema>;

/** A Wi-Fi network seen by a scan, with its security class and what the owner said it is. */
export const NetworkSeenSchema = z.strictObject({
  ssid: short(32),
  security: z.enum(WIFI_SECURITY_CLASSES),
  role: z.enum(['home', 'iot', 'other']),
  at: iso,
});
export type NetworkSeen = z.infer<typeof NetworkSeenSchema>;

/**
 * A default-credential check's outcome for one host: the verdict, which public factory logins were
 * tried (user names only, never a password), the attempts as the host's ledger counted them, and when.
 */
export const CredentialOutcomeSchema = z.strictObject({
  result: z.enum(['default-accepted', 'default-rejected', 'unknown']),
  /** The factory user names tried, in order. */
  usernames: z.array(short(64)).max(10),
  /** The user name of the factory login that worked, or null. */
  matchedUsername: short(64).nullable(),
  /** Requests carrying a password in this audit, as the ledger counted them (what the device counts). */
  attempts: z.number().int().min(0).max(1000),
  at: iso,
});
export type CredentialOutcome = z.infer<typeof CredentialOutcomeSchema>;

/** The network scope the owner consented to in the app; the headless audit re-checks within it. */
export const ConsentedScopeSchema = z.strictObject({
  interface: short(64),
  interfaceAddress: short(45),
  prefixLength: z.number().int().min(8).max(32),
  gateway: short(45).nullable(),
  targets: z.array(short(45)).max(64),
  at: iso,
});
export type ConsentedScope = z.infer<typeof ConsentedScopeSchema>;

/**
 * The kinds of network look the owner allows or refuses one by one on the welcome step. The
 * headless audit re-runs a check only when the look it needs was allowed here.
 * "Ask the router" (`routerIdentity`) and "list the devices" (`deviceDiscovery`) stay two answers
 * on purpose: the first sends requests to the router itself (UPnP/TR-064/HNAP, its settings page,
 * and the router API that logs in with the owner's saved router password and reads its settings),
 * the second only reads what this computer already knows and listens to announcements, so an owner
 * may rightly allow the passive listening and refuse the queries and log-ins (they do not cover the same scope).
 */
export const CONSENT_KINDS = ['wifiScan', 'routerIdentity', 'deviceDiscovery', 'credentialProbe'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The owner's answers to the welcome step's consent questions: true, false, or null (not answered). */
export const ConsentSchema = z.strictObject({
  wifiScan: z.boolean().nullable().default(null),
  routerIdentity: z.boolean().nullable().default(null),
  deviceDiscovery: z.boolean().nullable().default(null),
  credentialProbe: z.boolean().nullable().default(null),
  /** When the owner last changed an answer; null before any. */
  at: iso.nullable().default(null),
});
export type Consent = z.infer<typeof ConsentSchema>;
export const NO_CONSENT: Consent = { wifiScan: null, routerIdentity: null, deviceDiscovery: null, credentialProbe: null, at: null };

/** The wizard's answers the core needs (the audit, the steps): names, never a secret. */
export const AnswersSchema = z.strictObject({
  /** The IoT network's name the owner chose (segmentation step). */
  iotSsid: short(32).nullable().default(null),
  /** The home network's name (Wi-Fi step). */
  homeSsid: short(32).nullable().default(null),
});
export type Answers = z.infer<typeof AnswersSchema>;
export type AnswerKey = keyof Answers;

/** A subject names what a confirmation is about: an account id, a device id (MAC), an assistant. */
export const SubjectSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'subjects are 1–64 of A-Z, a-z, 0-9 and . _ : -');
const ConfirmationCheckIdSchema = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(64);

/** Non-secret facts the owner gave with a confirmation (e.g. which 2FA method); never a password or code. */
export const AnswerSchema = z.record(z.string().max(40), z.union([z.string().max(300), z.number(), z.boolean(), z.null()]));
export type Answer = z.infer<typeof AnswerSchema>;

export const ConfirmedStatusSchema = z.enum(['pass', 'warn', 'fail', 'skipped']);
export type ConfirmedStatus = z.infer<typeof ConfirmedStatusSchema>;

const EarlierSchema = z.strictObject({ status: ConfirmedStatusSchema, confirmedAt: iso, answer: AnswerSchema });

/**
 * One dated "I did this" answer of the owner, per check (and per subject: an account, a device),
 * kept in the model under `checkId` or `checkId:subject` (see confirmationKey in main/core/confirmations).
 */
export const ConfirmationRecordSchema = z.strictObject({
  checkId: ConfirmationCheckIdSchema,
  subject: SubjectSchema.nullable(),
  status: ConfirmedStatusSchema,
  answer: AnswerSchema,
  /**
   * What the answer means, as a message (`accounts.2fa:ring` → "text message code; an authenticator
   * app is available" in the reader's language). Versions before codes wrote English prose here; a
   * stored string still loads and is read through `toMessage` (see confirmationNote), so no profile
   * needs rewriting.
   */
  note: StoredTextSchema.nullable(),
  confirmedAt: iso,
  expiresAt: iso,
  /** Up to the last five earlier answers, newest first, so a re-audit can say what changed. */
  earlier: z.array(EarlierSchema).max(5),
});
export type ConfirmationRecord = z.infer<typeof ConfirmationRecordSchema>;

/** The home model document. */
export const HomeModelSchema = z.strictObject({
  schemaVersion: z.literal(HOME_MODEL_VERSION),
  /** The app version whose profile was migrated into this model ("0.1.0"), "none" for a profile made by this version, null before the first start. */
  migratedFrom: short(40).nullable().default(null),
  networks: z.array(NetworkSeenSchema).max(64).default([]),
  router: RouterRecordSchema.nullable().default(null),
  /** When the latest survey finished (devices with this lastSeen answered it); null before one ran here. */
  surveyedAt: iso.nullable().default(null),
  devices: z.record(short(80), DeviceRecordSchema).default({}),
  credentials: z.record(short(300), CredentialOutcomeSchema).default({}),
  answers: AnswersSchema.default({ iotSsid: null, homeSsid: null }),
  scope: ConsentedScopeSchema.nullable().default(null),
  /** What the owner allowed Porchlight to look at (welcome step); a model written before it existed reads "not answered". */
  consent: ConsentSchema.default(NO_CONSENT),
  /** The owner's dated confirmations, per check (and subject); moved here from the history (see migrateConfirmations). */
  confirmations: z.record(short(200), ConfirmationRecordSchema).default({}),
});
export type HomeModelDoc = z.infer<typeof HomeModelSchema>;

/** An empty model (a new profile). */
export const EMPTY_HOME_MODEL: HomeModelDoc = {
  schemaVersion: HOME_MODEL_VERSION,
  migratedFrom: null,
  networks: [],
  router: null,
  surveyedAt: null,
  devices: {},
  credentials: {},
  answers: { iotSsid: null, homeSsid: null },
  scope: null,
  consent: NO_CONSENT,
  confirmations: {},
};
