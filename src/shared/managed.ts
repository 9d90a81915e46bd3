/**
 * What an organisation sets by browser policy (storage.managed): a team guide and locked settings,
 * with the name of who set them. The shape is also the manifest's `storage.managed_schema`
 * (public/managed-schema.json, for Chrome) and is documented with example policies in
 * docs/team-guide.md. No engine here: the popup and the content script read locked settings too.
 */
import * as v from 'valibot';
import { SettingsSchema, type Settings } from './settings.js';

/** Where an imported guide is kept (storage.local); the guide's shape is src/shared/guide.ts. */
export const GUIDE_KEY = 'guide';

const e = SettingsSchema.entries;

/** The settings an organisation (or a guide) may set. The sign-off and the sites a person turned on stay theirs. */
export const LockableSettingsSchema = v.strictObject({
  enabled: v.optional(e.enabled.wrapped),
  sites: v.optional(e.sites.wrapped),
  prePost: v.optional(e.prePost.wrapped),
  strictness: v.optional(e.strictness.wrapped),
  language: v.optional(e.language.wrapped),
  disabledRules: v.optional(e.disabledRules.wrapped),
  disabledCategories: v.optional(e.disabledCategories.wrapped),
  /** The team's register and its voice in Dutch ("je" or "u"): a house style is the team's. */
  register: v.optional(e.register.wrapped),
  address: v.optional(e.address.wrapped),
  /** Whether posted replies are remembered (fingerprints and numbers; the canned-o-meter and progress). */
  remember: v.optional(e.remember.wrapped),
});
export type LockableSettings = v.InferOutput<typeof LockableSettingsSchema>;
export const LOCKABLE_KEYS = Object.keys(LockableSettingsSchema.entries) as (keyof LockableSettings)[];

export interface Managed {
  /** Who set it, as the policy names it ("Acme webcare IT"); null when not named. */
  organisation: string | null;
  /** The policy's guide, not yet checked (the guide's schema needs the engine: src/shared/guide.ts). */
  guide: unknown;
  /** Settings the person cannot change. */
  locked: LockableSettings;
  /** The browser has not answered yet (see src/platform/managed.ts): treated as no policy until it does. */
  pending?: true;
}

export const NO_POLICY: Managed = { organisation: null, guide: undefined, locked: {} };

/** Reads what storage.managed holds. A policy value that does not validate is left out, field by field. */
export function readManaged(stored: unknown): Managed {
  if (!stored || typeof stored !== 'object') return NO_POLICY;
  const s = stored as Record<string, unknown>;
  const organisation = typeof s.organisation === 'string' && s.organisation.trim() ? s.organisation.trim().slice(0, 100) : null;
  const locked: Record<string, unknown> = {};
  // A policy guide's settings are locked too; `locked` wins where both name a setting.
  const guideSettings = s.guide && typeof s.guide === 'object' ? (s.guide as { settings?: unknown }).settings : undefined;
  for (const source of [guideSettings, s.locked]) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const one = v.safeParse(LockableSettingsSchema, { [key]: value });
      if (one.success) locked[key] = (one.output as Record<string, unknown>)[key];
    }
  }
  return { organisation, guide: s.guide, locked: locked as LockableSettings };
}

export function hasPolicy(m: Managed): boolean {
  return m.organisation !== null || m.guide !== undefined || Object.keys(m.locked).length > 0;
}

/** The settings in force: the person's, with what the organisation locked laid over them. */
export function applyLocked(settings: Settings, locked: LockableSettings): Settings {
  const out: Settings = { ...settings };
  for (const key of LOCKABLE_KEYS) {
    const value = locked[key];
    if (value === undefined) continue;
    if (key === 'sites') out.sites = { ...settings.sites, ...(value as Settings['sites']) };
    else (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Whether a setting (or one site's switch) is locked. */
export function isLocked(locked: LockableSettings, key: keyof LockableSettings, site?: string): boolean {
  if (key === 'sites') return site !== undefined && locked.sites?.[site] !== undefined;
  return locked[key] !== undefined;
}
