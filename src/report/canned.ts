/**
 * Canned bodies in a stream of replies: the same body (greeting, the person's name, @mentions,
 * links, numbers and the sign-off taken away) sent again. Used by `human-tone check --jsonl` to
 * mark each repeat with how often that body was seen so far and where it was first.
 * Memory stays bounded: past `maxBodies` distinct bodies, new ones are no longer remembered
 * (repeats of the ones already known are still counted).
 */
import { normalizeWords } from './duplicates.js';

/** A greeting and the name after it, at the start: "Hi Sam,", "Hallo Greet!", "Dear Mr Patel,". */
const GREETING = /^(?:\s*[@＠][\p{L}\p{N}_.]+)*[\s,]*(?:hi|hello|hey|hiya|dear|morning|hallo|hoi|hey|dag|beste|goedemorgen|goedemiddag|goedenavond|heey|hee)\b[\s,]*(?:(?:mr|mrs|ms|mevrouw|meneer|dhr|mevr)\.?\s+)?(?:\p{Lu}[\p{L}'’-]*\s*){0,2}[,!.:]?/iu;

/** The body of a reply, as the words two copies of one template share; '' when too short to call canned. */
export function bodyOf(text: string, author?: string, minWords = 4): string {
  const words = bodyWords(text, author);
  return words.length >= minWords ? words.join(' ') : '';
}

/** The words of a reply's body, in order. */
export function bodyWords(text: string, author?: string): string[] {
  return normalizeWords(text.replace(GREETING, ' '), author);
}

export interface CannedMark {
  /** How many times this body has been seen, this reply included. */
  count: number;
  /** The line (1-based) where it was first seen. */
  firstLine: number;
}

export class CannedCounter {
  private readonly seen = new Map<string, CannedMark>();
  constructor(private readonly maxBodies = 200_000) {}

  /** Counts a reply; returns its mark when the body was seen before (count >= 2), else null. */
  add(text: string, line: number, author?: string): CannedMark | null {
    const body = bodyOf(text, author);
    if (!body) return null;
    const known = this.seen.get(body);
    if (known) {
      known.count++;
      return { count: known.count, firstLine: known.firstLine };
    }
    if (this.seen.size < this.maxBodies) this.seen.set(body, { count: 1, firstLine: line });
    return null;
  }
}
