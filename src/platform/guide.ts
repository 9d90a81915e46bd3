/**
 * The imported team guide in storage.local (key "guide"): read, saved and cleared here. Saving a guide
 * also writes its site rules into the taught site rules (from: "guide"; the person's picked rule for
 * an origin stays) and applies its settings to the person's settings, in that order; a guide that
 * does not validate is never saved (src/shared/guide.ts checks it first).
 */
import { loadHistory, saveHistory } from './history.js';
import { fingerprint } from '../report/fingerprint.js';
import { addTemplate } from '../shared/history.js';
import { checkGuide, GUIDE_KEY, mergeGuideSites, type Guide, type GuideIssue } from '../shared/guide.js';
import type { Managed } from '../shared/managed.js';
import { applyLocked } from '../shared/managed.js';
import { SITE_CONTEXT_KEY } from '../shared/site-context.js';
import { ext } from './browser.js';
import { loadManaged } from './managed.js';
import { loadSettings, saveSettings } from './settings.js';
import { loadSiteContext } from './site-context.js';

/** The stored guide; one that no longer validates (an older format, a damaged store) reads as none. */
export async function loadStoredGuide(): Promise<Guide | null> {
  const stored = (await ext.storage.local.get(GUIDE_KEY))[GUIDE_KEY];
  if (stored === undefined) return null;
  const res = checkGuide(stored, { examples: false });
  return res.ok ? res.guide : null;
}

/** The guide set by policy, if any and if it validates; otherwise why not. */
export function policyGuide(managed: Managed): { guide: Guide | null; problems: GuideIssue[] } {
  if (managed.guide === undefined) return { guide: null, problems: [] };
  const res = checkGuide(managed.guide, { examples: false });
  return res.ok ? { guide: res.guide, problems: [] } : { guide: null, problems: res.issues };
}

/** The guide that applies: the organisation's (by policy) before the person's own. */
export async function loadActiveGuide(managed?: Managed): Promise<{ guide: Guide | null; from: 'policy' | 'import' | null }> {
  const m = managed ?? (await loadManaged());
  const fromPolicy = policyGuide(m).guide;
  if (fromPolicy) return { guide: fromPolicy, from: 'policy' };
  const stored = await loadStoredGuide();
  return { guide: stored, from: stored ? 'import' : null };
}

export interface SavedGuide {
  /** Origins where the person's own picked rule was kept instead of the guide's. */
  keptPicked: string[];
  /** The settings the guide brought, as applied. */
  settingsApplied: string[];
}

/** Saves a checked guide (or clears it, with null), with its site rules and settings. */
export async function saveGuide(guide: Guide | null, options: { applySettings?: boolean } = {}): Promise<SavedGuide> {
  const { sites, keptPicked } = mergeGuideSites(await loadSiteContext(), guide);
  if (guide) await ext.storage.local.set({ [GUIDE_KEY]: guide, [SITE_CONTEXT_KEY]: sites });
  else {
    await ext.storage.local.set({ [SITE_CONTEXT_KEY]: sites });
    await ext.storage.local.remove(GUIDE_KEY);
  }
  if (guide?.templates?.length) {
    // Registered with the canned-o-meter: only their fingerprints are kept there.
    let history = await loadHistory();
    for (const t of guide.templates) {
      const fp = fingerprint(t.text, history.salt);
      if (fp) history = addTemplate(history, t.name, fp);
    }
    await saveHistory(history);
  }
  const settingsApplied: string[] = [];
  if (guide?.settings && options.applySettings !== false) {
    const current = await loadSettings();
    await saveSettings(applyLocked(current, guide.settings));
    settingsApplied.push(...Object.keys(guide.settings));
  }
  return { keptPicked, settingsApplied };
}

/** Writes the policy guide's site rules (or the imported guide's again, when the policy has none), if they changed. */
export async function syncGuideSites(managed?: Managed): Promise<void> {
  const { guide } = await loadActiveGuide(managed);
  const current = await loadSiteContext();
  const { sites } = mergeGuideSites(current, guide);
  if (JSON.stringify(sites) !== JSON.stringify(current)) await ext.storage.local.set({ [SITE_CONTEXT_KEY]: sites });
}
