/**
 * The interface's words, in English and Dutch: every part of the one message catalogue
 * (messages/catalogue.yaml), as the code reads it, has the same keys in both languages, nothing
 * empty, the same {placeholders}, and Dutch that is not left in English.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import * as coach from '../../src/shared/i18n.js';
import * as options from '../../src/options/i18n.js';
import * as studio from '../../src/studio/i18n.js';
import * as guide from '../../src/options/guide-i18n.js';
import * as siteRules from '../../src/options/site-rules-i18n.js';
import * as guideFile from '../../src/i18n/guideFile.generated.js';
import * as severity from '../../src/i18n/severity.generated.js';
import * as pattern from '../../src/engine/pattern-words.generated.js';
import { REPORT_STRINGS } from '../../src/report/ReportView.js';

const root = new URL('../../', import.meta.url);
const locales = (lang: string) =>
  Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(new URL(`public/_locales/${lang}/messages.json`, root), 'utf8')) as Record<string, { message: string }>).map(([k, v]) => [k, v.message]),
  );

/** Each part of messages/catalogue.yaml, as the code reads it. */
const TABLES: [string, Record<string, string>, Record<string, string>][] = [
  ['coach', coach.en, coach.nl],
  ['options', options.en, options.nl],
  ['guide', guide.en, guide.nl],
  ['sites', siteRules.en, siteRules.nl],
  ['studio', studio.en, studio.nl],
  ['report', REPORT_STRINGS.en, REPORT_STRINGS.nl],
  ['manifest', locales('en'), locales('nl')],
  ['guideFile', guideFile.en, guideFile.nl],
  ['severity', severity.en, severity.nl],
  ['pattern', pattern.en, pattern.nl],
];

test('every part of the catalogue is checked here', () => {
  const parts = Object.keys(parse(readFileSync(new URL('messages/catalogue.yaml', root), 'utf8')) as object);
  expect(TABLES.map((t) => t[0]).sort()).toEqual(parts.sort());
});

/** Strings that are rightly the same in both languages: names, and words Dutch borrows. */
const SAME_IN_BOTH = /^(Human Tone|\{message\}|#\{n\}|English|Nederlands|Coaching|Sites|Privacy|CSV|Canned-o-meter|OK|Studio|Team|Tone|Nr\.?|#|\{[a-z]+\}|[A-Z]{2,}|.{0,3}|[Ss]core\b[^a-z]*(\{[a-z]+\}[^a-z]*)*)$/;

/** A string of placeholders and separators only has no words to translate. */
const onlyPlaceholders = (s: string) => s.replace(/\{[a-zA-Z]+\}/g, '').trim().replace(/[\s·:,/|-]/g, '') === '';

const placeholders = (s: string) => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

describe.each(TABLES)('%s', (_name, en, nl) => {
  test('the same keys in English and Dutch', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  test('no string is empty, and each has the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(en[key]!.trim(), key).not.toBe('');
      expect(nl[key]?.trim(), key).not.toBe('');
      expect(placeholders(nl[key] ?? ''), key).toEqual(placeholders(en[key]!));
    }
  });

  test('the Dutch is not the English left in place', () => {
    const untranslated = Object.keys(en).filter((k) => en[k] === nl[k] && !SAME_IN_BOTH.test(en[k]!) && !onlyPlaceholders(en[k]!));
    expect(untranslated).toEqual([]);
  });
});
