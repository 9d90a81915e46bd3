/** Settings and guides set by policy: reading storage.managed, locking settings, the manifest's schema, and the documented example policies. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { handleMessage } from '../../src/background/handler.js';
import { checkGuide, guideRules, GuideSchema } from '../../src/shared/guide.js';
import { applyLocked, isLocked, LOCKABLE_KEYS, readManaged } from '../../src/shared/managed.js';
import { DEFAULT_SETTINGS, readSettings, SettingsSchema } from '../../src/shared/settings.js';
import { GuideRuleSchema } from '../../src/engine/schema.js';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as any;

interface ChromeSchema {
  type: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
  enum?: unknown[];
}

/**
 * What Chromium keeps of a policy value, by the manifest's managed_schema: it drops properties the
 * schema does not declare and values of the wrong type or not in an enum. Returns the dropped paths.
 */
function dropped(schema: ChromeSchema, value: unknown, path = ''): string[] {
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
  const t = typeOf(value);
  if (!(t === schema.type || (schema.type === 'number' && t === 'integer'))) return [`${path} (${t}, not ${schema.type})`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path} (not in enum)`];
  if (t === 'array') return (value as unknown[]).flatMap((v, i) => dropped(schema.items!, v, `${path}[${i}]`));
  if (t === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      const sub = schema.properties?.[k] ?? schema.additionalProperties;
      return sub ? dropped(sub, v, `${path}.${k}`) : [`${path}.${k} (not in the schema)`];
    });
  }
  return [];
}

const managedSchema = json('public/managed-schema.json') as ChromeSchema;

describe('storage.managed', () => {
  test('reads who set it, the guide as given, and only the locked settings that validate', () => {
    const m = readManaged({ organisation: ' Acme IT ', guide: { name: 'G', rules: [] }, locked: { strictness: 'strict', prePost: 'sometimes', signature: '^X', sites: { x: false } }, other: 1 });
    expect(m).toEqual({ organisation: 'Acme IT', guide: { name: 'G', rules: [] }, locked: { strictness: 'strict', sites: { x: false } } });
    expect(readManaged(undefined)).toEqual({ organisation: null, guide: undefined, locked: {} });
    expect(readManaged('nonsense').locked).toEqual({});
    // A policy guide's settings are locked as well; "locked" wins.
    expect(readManaged({ guide: { settings: { strictness: 'relaxed', prePost: 'mixed' } }, locked: { strictness: 'strict' } }).locked).toEqual({ strictness: 'strict', prePost: 'mixed' });
  });

  test('locked settings win over the person’s; the sign-off is never lockable; a locked site is locked alone', () => {
    const mine = readSettings({ strictness: 'relaxed', signature: '^JD', sites: { x: false, facebook: false } });
    const shown = applyLocked(mine, { strictness: 'strict', sites: { x: true } });
    expect(shown).toEqual({ ...mine, strictness: 'strict', sites: { x: true, facebook: false } });
    expect(isLocked({ sites: { x: true } }, 'sites', 'x')).toBe(true);
    expect(isLocked({ sites: { x: true } }, 'sites', 'facebook')).toBe(false);
    expect(LOCKABLE_KEYS).not.toContain('signature');
    expect(LOCKABLE_KEYS).not.toContain('extraOrigins');
    for (const key of LOCKABLE_KEYS) expect(Object.keys(SettingsSchema.entries)).toContain(key);
  });

  test('the manifest’s managed_schema declares every field a guide and the locked settings can have, so Chromium drops none', () => {
    const rule = managedSchema.properties!.guide!.properties!.rules!.items!;
    expect(Object.keys(rule.properties!).sort()).toEqual(Object.keys(GuideRuleSchema.entries).sort());
    expect(Object.keys(managedSchema.properties!.guide!.properties!).sort()).toEqual(Object.keys(GuideSchema.entries).filter((k) => k !== '$schema').sort());
    expect(Object.keys(managedSchema.properties!.locked!.properties!).sort()).toEqual([...LOCKABLE_KEYS].sort());
  });

  test('the documented Chrome and Firefox policies carry the same value, which Chromium keeps whole and which validates', () => {
    const chrome = json('docs/examples/chrome-policy.json');
    const firefox = json('docs/examples/firefox-policies.json');
    const value = chrome['3rdparty'].extensions.EXTENSION_ID;
    expect(firefox.policies['3rdparty'].Extensions['human-tone@human-tone']).toEqual(value);
    expect(json('manifest.json').browser_specific_settings.gecko.id).toBe('human-tone@human-tone');
    expect(dropped(managedSchema, value)).toEqual([]);
    const m = readManaged(value);
    expect(m.organisation).toBe('Northwind Rail IT');
    expect(Object.keys(m.locked).length).toBeGreaterThan(0);
    const res = checkGuide(m.guide);
    expect(res.ok).toBe(true);
  });
});

describe('the service worker with a guide', () => {
  test('passes the guide’s rules to the engine, with the settings in force', async () => {
    const res = checkGuide(json('docs/examples/team-guide.json'));
    if (!res.ok) throw new Error('example guide');
    const rules = guideRules(res.guide);
    const message = { type: 'analyze', text: 'We are sorry your journey experience was not as expected.' };
    const answer = (await handleMessage(message, { id: 'me' }, 'me', async () => DEFAULT_SETTINGS, async () => rules)) as { ok: true; value: { flags: { rule: string }[] } };
    expect(answer.value.flags.map((f) => f.rule)).toContain('scripted.northwind-journey-experience');
    const locked = applyLocked(DEFAULT_SETTINGS, { disabledCategories: ['scripted'] });
    const off = (await handleMessage(message, { id: 'me' }, 'me', async () => locked, async () => rules)) as { ok: true; value: { flags: { rule: string }[] } };
    expect(off.value.flags.map((f) => f.rule)).not.toContain('scripted.northwind-journey-experience');
    const none = (await handleMessage(message, { id: 'me' }, 'me', async () => DEFAULT_SETTINGS)) as { ok: true; value: { flags: { rule: string }[] } };
    expect(none.value.flags.map((f) => f.rule)).not.toContain('scripted.northwind-journey-experience');
  });
});
