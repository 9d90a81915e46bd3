/** docs/guide.schema.json is generated from the valibot schema and kept up to date. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATEGORIES, SEVERITIES } from '../../src/engine/types.js';
import { guideJsonSchema } from '../../scripts/guide-schema.js';

const root = new URL('../../', import.meta.url);

describe('published JSON Schema', () => {
  test('docs/guide.schema.json is what scripts/guide-schema.ts makes from src/shared/guide.ts', () => {
    expect(JSON.parse(readFileSync(new URL('docs/guide.schema.json', root), 'utf8'))).toEqual(guideJsonSchema());
  });

  test('says what the valibot schema says: required fields, closed objects, the same choices', () => {
    const s = guideJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, any> };
    expect(s.required).toEqual(['name', 'rules']);
    expect(s.additionalProperties).toBe(false);
    const rule = s.properties.rules.items;
    expect(rule.additionalProperties).toBe(false);
    expect(rule.required).toEqual(['id', 'lang', 'category', 'severity', 'patterns', 'message', 'why', 'suggestions']);
    expect(rule.properties.category.enum).toEqual([...CATEGORIES]);
    expect(rule.properties.severity.enum).toEqual([...SEVERITIES]);
    expect(rule.properties.check).toBeUndefined();
    expect(s.properties.sites.propertyNames.pattern).toBeTruthy();
    expect(s.properties.settings.properties.signature).toBeUndefined();
  });
});
