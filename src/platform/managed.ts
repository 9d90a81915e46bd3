/**
 * What an organisation set by browser policy (storage.managed, read-only), and the settings in force:
 * the person's settings (src/platform/settings.ts) with the locked ones laid over them. Read here and
 * nowhere else. Chrome fills storage.managed from the "3rdparty" policy (with the manifest's
 * storage.managed_schema), Firefox from policies.json "3rdparty"; without a policy it is empty (Firefox
 * rejects the read: that is no policy too). Examples: docs/team-guide.md.
 */
import { applyLocked, GUIDE_KEY, NO_POLICY, readManaged, type Managed } from '../shared/managed.js';
import type { Settings } from '../shared/settings.js';
import { ext, listen } from './browser.js';
import { loadSettings, watchSettings } from './settings.js';

let known: Managed | null = null;
let reading: Promise<Managed> | null = null;
let slow = false;

/** What a read of storage.managed gives, once the browser answers. */
export function whenManagedKnown(): Promise<Managed> {
  if (known) return Promise.resolve(known);
  reading ??= (async () => {
    try {
      return readManaged(await ext.storage.managed.get());
    } catch {
      return NO_POLICY;
    }
  })().then((m) => {
    known = m;
    reading = null;
    return m;
  });
  return reading;
}

/**
 * The policy, waiting at most `waitMs` for it (a read answers in about a millisecond once the
 * browser's policy service is up). Right after the browser starts, Chromium answers only once that
 * service is up (1 to 4 s seen), and in some runs without a policy it did not answer at all: then this
 * says "not known yet" (`pending`, no policy), at once from the second call on, and
 * whenManagedKnown() gives the answer if it comes. Nothing waits seconds for a policy.
 */
export async function loadManaged(waitMs = 250): Promise<Managed> {
  if (known) return known;
  const answer = whenManagedKnown();
  if (slow) return PENDING;
  const m = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs))]);
  if (m) return m;
  slow = true;
  return PENDING;
}

const PENDING: Managed = { ...NO_POLICY, pending: true };

/** Calls `onChange` when the policy changes (the browser reloads policies while it runs), until `signal` aborts. */
export function watchManaged(signal: AbortSignal, onChange: (next: Managed) => void): void {
  listen(
    ext.storage.onChanged,
    (_changes: unknown, area: string) => {
      if (area !== 'managed') return;
      known = null;
      reading = null;
      slow = false;
      void whenManagedKnown().then(onChange);
    },
    signal,
  );
}

/** The settings in force: the person's, with what the organisation locked. */
export async function loadEffectiveSettings(): Promise<Settings> {
  const [settings, managed] = await Promise.all([loadSettings(), loadManaged()]);
  return applyLocked(settings, managed.locked);
}

/**
 * Calls `onChange` with the settings in force whenever the person's settings or the policy change.
 * It never waits for the policy: until the browser answers, the person's settings are in force.
 */
export function watchEffectiveSettings(signal: AbortSignal, onChange: (next: Settings) => void): void {
  let managed: Managed = known ?? NO_POLICY;
  let person: Settings | null = null;
  const emit = () => {
    if (person && !signal.aborted) onChange(applyLocked(person, managed.locked));
  };
  void whenManagedKnown().then((m) => {
    const changed = JSON.stringify(m.locked) !== JSON.stringify(managed.locked);
    managed = m;
    if (changed) emit();
  });
  watchSettings(signal, (next) => {
    person = next;
    emit();
  });
  watchManaged(signal, (next) => {
    managed = next;
    if (person) emit();
    else void loadSettings().then((s) => {
      person ??= s;
      emit();
    });
  });
}

/** Calls `onChange` when the imported guide changes (the coach asks again, so that its rules apply at once). */
export function watchGuideChange(signal: AbortSignal, onChange: () => void): void {
  listen(
    ext.storage.onChanged,
    (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && changes[GUIDE_KEY]) onChange();
    },
    signal,
  );
}
