/**
 * Writes docs/guide.schema.json, the published JSON Schema of a team guide file, from the valibot
 * schema the extension and the command line check guides with (src/shared/guide.ts). Part of
 * `npm run build`; test/guide/schema.test.ts checks the file is up to date and that it agrees with
 * the valibot schema on good and bad guides. `--check` only compares.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import { GuideSchema } from '../src/shared/guide.ts';

export function guideJsonSchema(): Record<string, unknown> {
  // Checks that JSON Schema cannot say (a rule's category prefix, patterns that compile, examples
  // that match) are the valibot side's: errorMode 'ignore' leaves them out of the file.
  const schema = toJsonSchema(GuideSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'Human Tone team guide',
    description:
      'A team style guide for Human Tone: rules (phrases or patterns to avoid, in the rule pattern language of rules/README.md), where the customer\u2019s message is on the team\u2019s consoles, and settings. Import it in the extension\u2019s settings page, push it by browser policy, or use it with `human-tone check --rules FILE`.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

const file = new URL('../docs/guide.schema.json', import.meta.url);
const text = JSON.stringify(guideJsonSchema(), null, 2) + '\n';

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const current = (() => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  })();
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error('docs/guide.schema.json is out of date: run npx tsx scripts/guide-schema.ts');
      process.exit(1);
    }
  } else if (current !== text) writeFileSync(file, text);
}
