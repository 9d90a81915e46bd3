/**
 * Rule ids that were renamed: old id -> new id. A stored setting that names an old id (a rule turned
 * off) is carried over to the new one when the settings are read, so a rename never turns a rule
 * back on behind the person's back. When you rename or merge a rule, add a line here; the test
 * (test/extension/settings-storage.test.ts) checks that every old id is gone from the rules and
 * every new id exists. A removed rule gets no line: its stored id is kept, harmless, and the settings
 * page lists it.
 */
export const RENAMED_RULES: Readonly<Record<string, string>> = {};

/** The ids with renamed ones replaced (and each id once). */
export function migrateRuleIds(ids: readonly string[], renamed: Readonly<Record<string, string>> = RENAMED_RULES): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const now = Object.hasOwn(renamed, id) ? renamed[id]! : id;
    if (!out.includes(now)) out.push(now);
  }
  return out;
}
