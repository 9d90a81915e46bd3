/**
 * Rules that say where the customer's message is on a site the person (or their team lead) taught:
 * the same shape as a site adapter's `context` rules, stored per origin. Only selectors are kept,
 * never the text they find.
 */
import * as v from 'valibot';

export const SITE_CONTEXT_KEY = 'siteContext';

/** A CSS selector as stored: short, one line, no markup. Whether it parses is checked where it is used. */
const Selector = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300), v.regex(/^[^\n\r<>{}]+$/, 'a selector on one line, without < > { }'));

export const ContextRuleSchema = v.pipe(
  v.object({
    closest: v.optional(Selector),
    preceding: v.optional(Selector),
    text: Selector,
    author: v.optional(Selector),
  }),
  v.check((r) => (r.closest === undefined) !== (r.preceding === undefined), 'exactly one of "closest" and "preceding"'),
);

export const OriginSchema = v.pipe(v.string(), v.regex(/^https?:\/\/[^/\s]+$/, 'an origin: http(s), a host (and port), no path'));

export const SiteContextEntrySchema = v.object({
  rule: ContextRuleSchema,
  /** Who set it: the person with the picker, or a team guide (by its name). */
  from: v.optional(v.picklist(['picked', 'guide']), 'picked'),
  guide: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

export const SiteContextSchema = v.record(OriginSchema, SiteContextEntrySchema);

export type SiteContextEntry = v.InferOutput<typeof SiteContextEntrySchema>;
export type SiteContext = v.InferOutput<typeof SiteContextSchema>;

/** Reads what is stored; entries that do not validate are dropped one by one (and never throw). */
export function readSiteContext(stored: unknown): SiteContext {
  const out: SiteContext = {};
  if (!stored || typeof stored !== 'object') return out;
  for (const [origin, entry] of Object.entries(stored as Record<string, unknown>)) {
    if (!v.safeParse(OriginSchema, origin).success) continue;
    const res = v.safeParse(SiteContextEntrySchema, entry);
    if (res.success) out[origin] = res.output;
  }
  return out;
}
