/**
 * A sentence not yet in a language: a key of the message catalogue and its values, which may be
 * sentences themselves ("not valid JSON: {reason}"). Code that finds a problem says it as Words; the
 * surface that shows it puts it in the person's language with `say`.
 */
export interface Words {
  key: string;
  vars?: Readonly<Record<string, string | number | Words>>;
}

export function say(table: Readonly<Record<string, string>>, words: Words): string {
  let s = table[words.key] ?? words.key;
  for (const [k, v] of Object.entries(words.vars ?? {})) s = s.split(`{${k}}`).join(typeof v === 'object' ? say(table, v) : String(v));
  return s;
}
