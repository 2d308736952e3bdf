import { z } from 'zod';
import { MessageSchema } from '../../core/messages/index.js';
import { CheckStatusSchema } from '../../core/checks/results.js';
import { channel, NoArgs, text } from './schema-helpers.js';

/** A router error in plain words: its kind (the UI picks what to offer next), the message code, and the wait the router asked for. */
const ProblemSchema = z.strictObject({
  kind: z.enum(['auth-failed', 'blocked-after-failures', 'needs-confirmation-on-device', 'unsupported', 'unreachable', 'tls-certificate-changed', 'credentials-missing', 'changed-since-preview', 'other']),
  message: MessageSchema,
  waitSeconds: z.number().int().min(0).nullable(),
});

const answer = <T extends z.ZodType>(value: T) => z.union([z.strictObject({ kind: z.literal('ok'), value }), z.strictObject({ kind: z.literal('problem'), problem: ProblemSchema })]);

/** The surveyed router, whether Porchlight can change it, whether its login is saved (never the password itself). */
const StateSchema = z.strictObject({
  supported: z.boolean(),
  router: z.strictObject({ address: z.string().nullable(), vendor: z.string().nullable(), model: z.string().nullable() }).nullable(),
  userName: z.string().nullable(),
  passwordSaved: z.boolean(),
});

const EncryptionSchema = z.enum(['open', 'wep', 'wpa', 'wpa2', 'wpa2-wpa3', 'wpa3', 'other']);
const ChangeKey = text(120).regex(/^[a-z][a-z0-9.:_-]*$/i);

const PlanSchema = z.strictObject({
  /** An OpenWrt change an earlier run left unconfirmed, resolved before this plan (the router undid it, or not). */
  interrupted: z.strictObject({ startedAt: text(40), outcome: z.enum(['rolled-back', 'not-rolled-back']), message: MessageSchema }).nullable(),
  changes: z.array(z.strictObject({ key: ChangeKey, message: MessageSchema, cutsLink: z.boolean(), refused: MessageSchema.nullable() })).max(32),
  notes: z.array(MessageSchema).max(32),
  networks: z.array(z.strictObject({ id: text(80), ssid: text(64), role: z.enum(['home', 'guest', 'iot', 'mesh', 'unknown']), enabled: z.boolean(), encryption: EncryptionSchema })).max(16),
  /** The separate network's passphrase: its keychain account and whether one is saved (never the passphrase). */
  iotPassphrase: z.strictObject({ account: text(200), saved: z.boolean() }).nullable(),
});

const Skipped = z.array(z.strictObject({ key: ChangeKey, reason: MessageSchema })).max(32);
const ApplySchema = z.union([
  z.strictObject({ outcome: z.literal('nothing-to-do'), applied: z.array(ChangeKey), skipped: Skipped }),
  z.strictObject({
    outcome: z.literal('verified'),
    applied: z.array(ChangeKey),
    skipped: Skipped,
    rescan: MessageSchema.nullable(),
    /** What the proof rested on: the separate network's rescan (or why none was made), the login with the new admin password. */
    basis: z.array(MessageSchema).max(32),
    /** router.admin-default measured again from the router's answer after a new admin password. */
    adminCheck: z.strictObject({ status: CheckStatusSchema, reason: MessageSchema }).nullable(),
    /** The separate network's passphrase account, and whether Porchlight made it now (never the passphrase). */
    iotPassphrase: z.strictObject({ account: text(200), made: z.boolean() }).nullable(),
  }),
  z.strictObject({ outcome: z.enum(['restored', 'restore-failed']), applied: z.array(ChangeKey), skipped: Skipped, reason: MessageSchema }),
]);

/** A router user name: 1–64 characters, no spaces and no control characters. */
const UserName = text(64)
  .trim()
  .min(1)
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) <= 0x20 || ch.charCodeAt(0) === 0x7f), 'a user name has no spaces or control characters');

/** A network name: 1 to 32 bytes, no control characters. */
const IotSsid = z
  .string()
  .min(1)
  .max(32)
  .refine((s) => Buffer.byteLength(s, 'utf8') <= 32, 'at most 32 bytes')
  .refine((s) => !/\p{Cc}/u.test(s), 'a network name has no control characters');

/** What the owner asks for (Wi-Fi step: the home Wi-Fi's mode; updates step: WPS, remote administration, UPnP off; separate-network step: the IoT network; passwords step: a new admin password); `wired`: the owner says this computer reaches the router by cable. */
const WishFields = {
  homeWifi: z.enum(['wpa3', 'transition']).optional(),
  wpsOff: z.boolean().optional(),
  remoteAdminOff: z.boolean().optional(),
  upnpOff: z.boolean().optional(),
  /** Separate-network step: the smart-device network's name only (its passphrase is made and kept main-side). */
  iotWifi: z.strictObject({ ssid: IotSsid }).optional(),
  /** Passwords step: a new admin password, made main-side; no password field exists here (strict: one is refused). */
  adminPassword: z.literal(true).optional(),
  wired: z.boolean(),
};
const wishes = (w: { homeWifi?: string; wpsOff?: boolean; remoteAdminOff?: boolean; upnpOff?: boolean; iotWifi?: object; adminPassword?: boolean }) => !!(w.homeWifi || w.wpsOff || w.remoteAdminOff || w.upnpOff || w.iotWifi || w.adminPassword);
const WishSchema = z.strictObject(WishFields).refine(wishes, 'ask for at least one change');

/**
 * "Let Porchlight change it" (issue 16): the surveyed router's state, a plan for the owner's wish,
 * the change after an explicit yes (verified by read-back and rescan, or put back with the reason),
 * and the router's login (the password straight into the keychain as router/admin; no result carries it).
 */
export const routerChannels = {
  'router:state': channel(NoArgs, StateSchema),
  /** The router's login: the user name (profile) and, when none is saved or the saved one was just refused, the password (keychain only; never in a result). */
  'router:save-login': channel(z.strictObject({ userName: UserName, password: z.string().min(1).max(128).optional() }), StateSchema),
  'router:plan': channel(WishSchema, answer(PlanSchema)),
  'router:apply': channel(z.strictObject({ ...WishFields, yes: z.literal(true), agreed: z.array(ChangeKey).min(1).max(32) }).refine(wishes, 'ask for at least one change'), answer(ApplySchema)),
} as const;
