/**
 * Finds English left in a Dutch interface: the pieces of the catalogue's English strings (between
 * their {placeholders}, two words or more) that no Dutch string contains, looked for in what a page
 * shows. A string that skipped the catalogue, or a lookup that fell back to English, shows up here.
 */
export function englishLeft(shown: string[], tables: { en: Record<string, string>; nl: Record<string, string> }[]): string[] {
  const dutch = tables.flatMap((t) => Object.values(t.nl)).join('\n');
  const pieces = new Set<string>();
  for (const t of tables)
    for (const [key, en] of Object.entries(t.en)) {
      if (en === t.nl[key]) continue;
      for (const piece of en.split(/\{[A-Za-z]+\}/).map((p) => p.trim().replace(/^[\s:,.;·–-]+|[\s:,.;·–-]+$/g, '')))
        if (/\p{L}+\s+\p{L}+/u.test(piece) && piece.length >= 8 && !dutch.includes(piece)) pieces.add(piece);
    }
  const text = shown.join('\n');
  return [...pieces].filter((p) => text.includes(p));
}
