/** `--rules FILE`: a team guide file (the extension's format, src/shared/guide.ts) for check and report. */
import { readFile } from 'node:fs/promises';
import type { AnalyzeOptions, Category } from '../engine/index.js';
import { formatIssue, guideRules, readGuideText, type Guide } from '../shared/guide.js';

export class GuideFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Reads and checks a guide file; a bad one throws GuideFileError with one line per problem, each with its line in the file. */
export async function loadGuideFile(file: string): Promise<Guide> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new GuideFileError([`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`]);
  }
  const res = readGuideText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!res.ok) throw new GuideFileError(res.issues.map((i) => `${file} ${formatIssue(i)}`));
  return res.guide;
}

/**
 * The analysis options with a guide: its rules, and its settings (strictness, language, rules and
 * categories off) where the command line did not say otherwise.
 */
export function withGuide(base: AnalyzeOptions, guide: Guide, given: { strictness: boolean; lang: boolean; disable: boolean }): AnalyzeOptions {
  const opts: AnalyzeOptions = { ...base, extraRules: guideRules(guide) };
  const s = guide.settings ?? {};
  if (!given.strictness && s.strictness) opts.strictness = s.strictness;
  if (!given.lang && s.language && s.language !== 'auto') opts.lang = s.language;
  if (!given.disable) {
    if (s.disabledRules?.length) opts.disabledRules = s.disabledRules;
    if (s.disabledCategories?.length) opts.disabledCategories = s.disabledCategories as Category[];
  }
  return opts;
}

/** Prints a guide file's problems the way the commands print bad input; returns exit code 2. */
export function reportGuideError(e: GuideFileError): number {
  for (const line of e.lines) process.stderr.write(`human-tone: ${line}\n`);
  process.stderr.write(`human-tone: the guide was not used; fix the lines above (the format: docs/team-guide.md)\n`);
  return 2;
}
