/** Settings live in storage.sync, fall back to storage.local when sync refuses them, and are read from where they are. */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ruleList } from '../../src/engine/catalog.js';
import { migrateRuleIds, RENAMED_RULES } from '../../src/shared/renamed.js';

type Area = Map<string, unknown>;
const areas: Record<'sync' | 'local', Area> = { sync: new Map(), local: new Map() };
let syncFails = false;
const listeners: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];

function area(name: 'sync' | 'local') {
  return {
    get: async (keys: string | string[]) => {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (areas[name].has(k)) out[k] = structuredClone(areas[name].get(k));
      return out;
    },
    set: async (items: Record<string, unknown>) => {
      if (name === 'sync' && syncFails) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      for (const [k, v] of Object.entries(items)) {
        areas[name].set(k, structuredClone(v));
        for (const l of listeners) l({ [k]: { newValue: v } }, name);
      }
    },
    remove: async (keys: string[]) => {
      for (const k of keys) {
        if (!areas[name].has(k)) continue;
        areas[name].delete(k);
        for (const l of listeners) l({ [k]: {} }, name);
      }
    },
  };
}

vi.mock('../../src/platform/browser.js', () => ({
  ext: { storage: { sync: area('sync'), local: area('local'), onChanged: { addListener: (l: never) => listeners.push(l), removeListener: () => undefined } } },
  listen: (event: { addListener: (l: unknown) => void }, l: unknown) => event.addListener(l),
}));

const { loadSettings, saveSettings, settingsPlace, watchSettings, updateSettings } = await import('../../src/platform/settings.js');
const { readSettings } = await import('../../src/shared/settings.js');

beforeEach(() => {
  areas.sync.clear();
  areas.local.clear();
  syncFails = false;
  listeners.length = 0;
});

describe('settings storage', () => {
  test('saved to sync and read back from there', async () => {
    expect(await saveSettings(readSettings({ signature: '^JD' }))).toBe('sync');
    expect(areas.sync.has('settings')).toBe(true);
    expect((await loadSettings()).signature).toBe('^JD');
    expect(settingsPlace()).toBe('sync');
  });

  test('when sync refuses them they are kept on this device, nothing is lost, and reads prefer that copy', async () => {
    await saveSettings(readSettings({ signature: '^JD' }));
    syncFails = true;
    expect(await saveSettings(readSettings({ signature: '^KC', strictness: 'strict' }))).toBe('local');
    const back = await loadSettings();
    expect(back.signature).toBe('^KC');
    expect(back.strictness).toBe('strict');
    expect(settingsPlace()).toBe('local');
    // Once sync works again, the next save goes there and the local copy is cleared.
    syncFails = false;
    expect(await updateSettings((s) => ({ ...s, prePost: 'mixed' }))).toMatchObject({ signature: '^KC', prePost: 'mixed' });
    expect(areas.local.has('settings')).toBe(false);
    expect((await loadSettings()).prePost).toBe('mixed');
  });

  test('settings an older version kept in storage.local are read until the next save moves them', async () => {
    areas.local.set('settings', { signature: '^OLD', disabledRules: ['scripted.inconvenience'] });
    expect((await loadSettings()).signature).toBe('^OLD');
    expect(settingsPlace()).toBe('local');
    await updateSettings((s) => s);
    expect(areas.sync.get('settings')).toMatchObject({ signature: '^OLD', disabledRules: ['scripted.inconvenience'] });
  });

  test('watchers hear changes from either place, not the removal of the old copy', async () => {
    const seen: string[] = [];
    watchSettings(new AbortController().signal, (s) => seen.push(s.signature));
    await saveSettings(readSettings({ signature: 'A' }));
    syncFails = true;
    await saveSettings(readSettings({ signature: 'B' }));
    expect(seen).toEqual(['A', 'B']);
  });
});

describe('renamed rules', () => {
  test('every renamed id is gone from the rules, and every new id exists', () => {
    const ids = new Set([...ruleList('en'), ...ruleList('nl')].map((r) => r.id));
    for (const [old, now] of Object.entries(RENAMED_RULES)) {
      expect(ids.has(old), `${old} is renamed but still a rule`).toBe(false);
      expect(ids.has(now), `${old} is renamed to ${now}, which is not a rule`).toBe(true);
    }
  });

  test('a turned-off rule stays off under its new id; unknown ids are kept', () => {
    const map = { 'scripted.old-name': 'scripted.inconvenience', 'process.gone-one': 'process.merged' };
    expect(migrateRuleIds(['scripted.old-name', 'scripted.inconvenience', 'formal.removed', 'process.gone-one'], map)).toEqual([
      'scripted.inconvenience',
      'formal.removed',
      'process.merged',
    ]);
    expect(readSettings({ disabledRules: ['a.b', 'c.d'] }).disabledRules).toEqual(['a.b', 'c.d']);
  });
});
