/** Suggestion templates: "Hi {name}, {match}" filled with what the engine knows. */

const SLOT = /\{([a-zA-Z]+)\}/g;

/** Slots a template may use; the others are an error at build time. */
export const SLOT_NAMES = [
  'match', 'name', 'signature', 'sign', 'rewrite', 'keep', 'words', 'lower', 'participle',
  'beforeParticiple', 'subject', 'other', 'greeted', 'detail', 'withDetail',
] as const;

/** Slots that are not always known: a rule needs at least one suggestion without them. */
export const OPTIONAL_SLOTS = new Set(['name', 'signature', 'subject']);

/** Fills a template; null when it needs a slot that has no value here. */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>): string | null {
  let missing = false;
  const out = template.replace(SLOT, (_, key: string) => {
    const value = slots[key];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return value;
  });
  return missing ? null : out;
}

export function templateSlots(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]!);
}
