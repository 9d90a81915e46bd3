/**
 * The schema of a lesson in lessons/<lang>.yaml. scripts/build-lessons.ts validates the YAML with it;
 * the language comes from the file name, so it is not written in the YAML.
 */
import * as v from 'valibot';
import { CATEGORIES } from '../engine/types.js';

const text = v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'));

export const LESSON_LANGS = ['en', 'nl'] as const;
export type LessonLang = (typeof LESSON_LANGS)[number];

export const PRINCIPLE_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type PrincipleNumber = (typeof PRINCIPLE_NUMBERS)[number];

const fields = {
  id: v.pipe(v.string('must be text'), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes')),
  title: text,
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  principle: v.picklist(PRINCIPLE_NUMBERS, 'must be a whole number from 1 to 6'),
  customer: text,
  author: v.optional(text),
  scripted: text,
  human: text,
  point: text,
  discussion: v.optional(v.pipe(v.array(text, 'must be a list of questions'), v.minLength(1, 'must not be an empty list'))),
};
const LESSON_KEYS = Object.keys(fields);

/** One lesson as written by a trainer: unknown keys are refused. */
export const LessonEntry = v.pipe(
  v.strictObject(fields, (issue) =>
    issue.expected === 'never' ? `unknown key (known keys: ${LESSON_KEYS.join(', ')})` : `must be a lesson: a mapping with ${LESSON_KEYS.join(', ')}`,
  ),
  v.check((l) => l.scripted !== l.human, 'scripted and human must differ'),
);

/** A lessons file: a list of lessons. */
export const LessonFile = v.pipe(v.array(v.unknown(), 'must be a list of lessons'), v.minLength(1, 'must hold at least one lesson'));

export type LessonSource = v.InferOutput<typeof LessonEntry>;

/** Formats valibot issues as "path: message" lines. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
    return `${path || '(lesson)'}: ${issue.message}`;
  });
}
