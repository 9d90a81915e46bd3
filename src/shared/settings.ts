/** Settings, kept in extension storage and applied at once in every open tab. */
import * as v from 'valibot';
import { CATEGORIES } from '../engine/types.js';
import { migrateRuleIds } from './renamed.js';

export const SETTINGS_KEY = 'settings';

export const PrePostSetting = v.picklist(['off', 'scripted', 'mixed']);

export const SettingsSchema = v.object({
  /** Master switch. */
  enabled: v.optional(v.boolean(), true),
  /** Remember the replies posted through a coached box (fingerprints and numbers only, on this device): the canned-o-meter and progress. */
  remember: v.optional(v.boolean(), true),
  /** Per supported site (adapter id): coaching on or off. */
  sites: v.optional(v.record(v.string(), v.boolean()), {}),
  /** Origins the user turned coaching on for (with their permission), e.g. "https://mastodon.social". */
  extraOrigins: v.optional(v.array(v.pipe(v.string(), v.regex(/^https?:\/\/[^/\s]+$/))), []),
  /** When the pre-post check stops a reply. */
  prePost: v.optional(PrePostSetting, 'scripted'),
  strictness: v.optional(v.picklist(['relaxed', 'normal', 'strict']), 'normal'),
  disabledRules: v.optional(v.array(v.pipe(v.string(), v.maxLength(100))), []),
  disabledCategories: v.optional(v.array(v.picklist(CATEGORIES)), []),
  /** The writer's sign-off (name or initials), used in suggestions. */
  signature: v.optional(v.pipe(v.string(), v.maxLength(60)), ''),
  /** The team's register: plain, or formal (then only the stiffest officialese is pointed out). */
  register: v.optional(v.picklist(['plain', 'formal']), 'plain'),
  /** Dutch brand voice: how the team addresses customers ("je" or "u"); 'any' points out only a mix. */
  address: v.optional(v.picklist(['any', 'je', 'u']), 'any'),
  /** The interface's language: the browser's, or English / Dutch whatever the browser says. */
  interfaceLanguage: v.optional(v.picklist(['auto', 'en', 'nl']), 'auto'),
  /** Reply language: detect, or always English / Dutch. */
  language: v.optional(v.picklist(['auto', 'en', 'nl']), 'auto'),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Reads stored settings; anything unreadable falls back to the defaults, field by field. */
export function readSettings(stored: unknown): Settings {
  const settings = readFields(stored);
  // Renamed rules: what was turned off stays off under its new id.
  const migrated = migrateRuleIds(settings.disabledRules);
  return migrated.length === settings.disabledRules.length && migrated.every((id, i) => id === settings.disabledRules[i]) ? settings : { ...settings, disabledRules: migrated };
}

function readFields(stored: unknown): Settings {
  const res = v.safeParse(SettingsSchema, stored ?? {});
  if (res.success) return res.output;
  // Keep every field that is valid on its own, so one bad field does not lose the rest.
  const out: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
      const one = v.safeParse(SettingsSchema, { [key]: value });
      if (one.success) out[key] = (one.output as Record<string, unknown>)[key];
    }
  }
  return v.parse(SettingsSchema, out);
}
