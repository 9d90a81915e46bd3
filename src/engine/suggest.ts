/** Suggestion templates: "Hi {name}, {match}" filled with what the engine knows. */

const SLOT = /\{([a-zA-Z]+)\}/g;

/** Slots a template may use; the others are an error at build time. */
export const SLOT_NAMES = [
  'match', 'name', 'signature', 'sign', 'rewrite', 'keep', 'words', 'lower', 'participle',
  'beforeParticiple', 'subject', 'other', 'greeted', 'detail', 'withDetail', 'lead', 'leadLower', 'pointer',
  'tail', 'your', 'matchEnd', 'matchMid', 'after',
] as const;

/** Slots that are not always known: a rule needs at least one suggestion without them. */
export const OPTIONAL_SLOTS = new Set(['name', 'signature', 'subject']);

/** A template split once into text and slot names: even indexes are text, odd ones slot names. */
const parsed = new Map<string, string[]>();

function parts(template: string): string[] {
  let p = parsed.get(template);
  if (!p) {
    p = template.split(SLOT);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(template, p);
  }
  return p;
}

/** Fills a template; null when it needs a slot that has no value here. */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>): string | null {
  const p = parts(template);
  let out = p[0]!;
  for (let i = 1; i < p.length; i += 2) {
    const value = slots[p[i]!];
    if (value === undefined) return null;
    out += value + p[i + 1]!;
  }
  return out;
}

export function templateSlots(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]!);
}
