/**
 * The trainer studio's lesson library: a scripted reply beside a human one, for the same customer
 * message. The data is written in lessons/en.yaml and lessons/nl.yaml and compiled into
 * lessons.generated.ts by scripts/build-lessons.ts, which validates it.
 */
import type { Category } from '../engine/types.js';
import data from './lessons.generated.js';
import type { LessonLang, PrincipleNumber } from './schema.js';

export type { LessonLang, PrincipleNumber } from './schema.js';

export interface Lesson {
  /** Stable and unique across both languages, lowercase with dashes, starting with the language: "en-sorry-script". */
  readonly id: string;
  /** The language of the lesson's texts (from the file it came from). */
  readonly lang: LessonLang;
  readonly title: string;
  /** The category the scripted reply illustrates. */
  readonly category: Category;
  /** The principle (1-6, see PRINCIPLES) the lesson illustrates. */
  readonly principle: PrincipleNumber;
  /** The customer's message both replies answer. */
  readonly customer: string;
  /** The customer's display name, when the lesson has one. */
  readonly author?: string;
  /** A reply that needs coaching. */
  readonly scripted: string;
  /** A warm, specific, honest reply to the same message. */
  readonly human: string;
  /** The single point the lesson teaches, in the lesson's language. */
  readonly point: string;
  /** Questions a trainer can ask the room. */
  readonly discussion?: readonly string[];
}

export const lessons: readonly Lesson[] = data;

/** Short names of the six principles the trainers teach, in English and Dutch. */
export const PRINCIPLES: Readonly<Record<PrincipleNumber, { readonly en: string; readonly nl: string }>> = {
  1: { en: 'One person at the other end', nl: 'Aan de andere kant zit één mens' },
  2: { en: 'No call-centre scripts', nl: 'Geen callcenterscript' },
  3: { en: 'A real, honest person speaks', nl: 'Een echt, eerlijk mens aan het woord' },
  4: { en: 'Talk with people, not at them', nl: 'In gesprek, niet zenden' },
  5: { en: 'Stay personal when it gets busy', nl: 'Ook bij drukte persoonlijk blijven' },
  6: { en: 'Answer now, honestly, and act', nl: 'Nu antwoorden, eerlijk, en doen' },
};

/** The lessons of one language. */
export function lessonsFor(lang: LessonLang): readonly Lesson[] {
  return lessons.filter((l) => l.lang === lang);
}
