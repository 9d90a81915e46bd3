/**
 * The canned-o-meter's fingerprint of a reply: no text, only a MinHash signature of the word
 * 3-shingles of its body (the same body `human-tone report` compares: greeting, the customer's name,
 * mentions, links, numbers and the sign-off taken away). Each slot keeps 16 bits of its minimum, so a
 * fingerprint is 64 × 4 hex digits. The hashes are salted with a number drawn once per install, so a
 * fingerprint means nothing outside the browser that made it, and the words cannot be read back.
 */
import { bodyWords } from './canned.js';
import { mix, shingles } from './duplicates.js';

export const SLOTS = 64;
/** Two replies at or above this estimated similarity are "almost the same reply". */
export const SAME_REPLY = 0.8;
const SEEDS = Uint32Array.from({ length: SLOTS }, (_, i) => mix(0x68756d61 ^ Math.imul(i + 1, 0x2c1b3c6d)));

/** The fingerprint of a reply, or null when its body is too short to call canned (under 4 words). */
export function fingerprint(text: string, salt: number, author?: string): string | null {
  const words = bodyWords(text, author);
  if (words.length < 4) return null;
  const set = shingles(words);
  const sig = new Uint32Array(SLOTS).fill(0xffffffff);
  for (let s = 0; s < set.length; s++) {
    const x = set[s]! ^ salt;
    for (let k = 0; k < SLOTS; k++) {
      const v = mix(x ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  let out = '';
  for (let k = 0; k < SLOTS; k++) out += (sig[k]! & 0xffff).toString(16).padStart(4, '0');
  return out;
}

export const FINGERPRINT_RE = new RegExp(`^[0-9a-f]{${SLOTS * 4}}$`);

/** Estimated Jaccard similarity of the two bodies' shingle sets: the share of equal slots (0..1). */
export function similarity(a: string, b: string): number {
  if (a.length !== SLOTS * 4 || b.length !== SLOTS * 4) return 0;
  let same = 0;
  for (let k = 0; k < SLOTS * 4; k += 4) if (a.charCodeAt(k) === b.charCodeAt(k) && a.charCodeAt(k + 1) === b.charCodeAt(k + 1) && a.charCodeAt(k + 2) === b.charCodeAt(k + 2) && a.charCodeAt(k + 3) === b.charCodeAt(k + 3)) same++;
  return same / SLOTS;
}
