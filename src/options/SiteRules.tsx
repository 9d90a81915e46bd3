/**
 * "Sites you taught" on the settings page: every origin with a rule that says where the customer's
 * message is (taught with "Point at the customer's message" in the coach's panel, or brought by a team
 * guide), the rule's selectors in words, who set it, and a button to delete it. Live: a rule taught or
 * deleted in another tab shows at once. Keyboard and screen-reader usable: a labelled region, a list,
 * buttons named after the site they delete, and a live region that says what was done.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSiteContext, setSiteContext, watchSiteContext } from '../platform/site-context.js';
import { makeTranslator, type UiLang } from '../shared/i18n.js';
import type { SiteContext, SiteContextEntry } from '../shared/site-context.js';

import { en, nl } from './site-rules-i18n.js';

type Key = keyof typeof en;

/** A rule's selectors in words, each selector shown as code (split on the placeholders). */
function RuleWords(props: { t: (k: Key) => string; entry: SiteContextEntry }) {
  const { t, entry } = props;
  const { rule } = entry;
  const container = rule.closest ?? rule.preceding ?? '';
  const own = rule.text === ':scope';
  const pattern = t(rule.closest ? (own ? 'itselfClosest' : 'closest') : own ? 'itself' : 'preceding');
  const parts = pattern.split(/(\{container\}|\{text\})/);
  return (
    <p class="rule-words">
      {parts.map((p, i) =>
        p === '{container}' ? <code key={i}>{container}</code> : p === '{text}' ? <code key={i}>{rule.text}</code> : <span key={i}>{p}</span>,
      )}
      {rule.author && (
        <span>
          {' · '}
          {t('author').split('{author}')[0]}
          <code>{rule.author}</code>
        </span>
      )}
    </p>
  );
}

export function SiteRules(props: { lang: UiLang }) {
  const t = makeTranslator<Key>(props.lang === 'nl' ? nl : en);
  const [rules, setRules] = useState<SiteContext | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const abort = new AbortController();
    loadSiteContext().then(setRules, (e) => {
      console.error('Human Tone taught sites:', e);
      setStatus(t('error'));
    });
    watchSiteContext(abort.signal, setRules);
    return () => abort.abort();
  }, []);

  const remove = (origin: string) => {
    setSiteContext(origin, null).then(
      (next) => {
        setRules(next);
        setStatus(t('deleted', { site: origin }));
      },
      (e) => {
        console.error('Human Tone taught sites:', e);
        setStatus(t('error'));
      },
    );
  };

  const entries = rules ? Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)) : [];
  return (
    <section class="site-rules" aria-labelledby="site-rules-title">
      <h2 id="site-rules-title">{t('title')}</h2>
      <p class="muted">{t('intro')}</p>
      {/* A live region without the status role: the page's own "saved" line is its one status. */}
      <p class="status" aria-live="polite">
        {status}
      </p>
      {rules && entries.length === 0 && <p class="muted">{t('none')}</p>}
      {entries.length > 0 && (
        <ul class="taught">
          {entries.map(([origin, entry]) => (
            <li key={origin}>
              <strong>{origin}</strong>
              <RuleWords t={t} entry={entry} />
              <p class="muted">{entry.from === 'guide' ? (entry.guide ? t('fromGuide', { guide: entry.guide }) : t('fromGuideUnnamed')) : t('fromPicked')}</p>
              <button type="button" aria-label={t('deleteLabel', { site: origin })} onClick={() => remove(origin)}>
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
