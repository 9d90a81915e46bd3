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

const en = {
  title: 'Sites you taught',
  intro: 'Where the customer’s message is on these sites, taught with “Point at the customer’s message” in the coach’s panel or brought by a team guide. Only these selectors are kept, never a message.',
  none: 'No site taught yet. On a console you turned on, open the coach’s panel and choose “Point at the customer’s message”.',
  preceding: 'The message: the last {container} before the reply box, its {text}',
  closest: 'The message: in the {container} that holds the reply box, its {text}',
  itself: 'The message: the last {container} before the reply box',
  itselfClosest: 'The message: the {container} that holds the reply box',
  author: 'Its author: {author}',
  fromPicked: 'Set by: you pointed at it',
  fromGuide: 'Set by: team guide “{guide}”',
  fromGuideUnnamed: 'Set by: a team guide',
  delete: 'Delete',
  deleteLabel: 'Delete the rule for {site}',
  deleted: 'The rule for {site} was deleted.',
  error: 'Something went wrong, and nothing was changed. Reload this page and try again.',
};

const nl: Record<keyof typeof en, string> = {
  title: 'Sites die je aanleerde',
  intro: 'Waar het bericht van de klant staat op deze sites, aangeleerd met “Wijs het bericht van de klant aan” in het paneel van de coach of meegebracht door een teamgids. Alleen deze selectors worden bewaard, nooit een bericht.',
  none: 'Nog geen site aangeleerd. Open op een console die je aanzette het paneel van de coach en kies “Wijs het bericht van de klant aan”.',
  preceding: 'Het bericht: het laatste {container} vóór het antwoordvak, daarin {text}',
  closest: 'Het bericht: in het {container} waarin het antwoordvak staat, daarin {text}',
  itself: 'Het bericht: het laatste {container} vóór het antwoordvak',
  itselfClosest: 'Het bericht: het {container} waarin het antwoordvak staat',
  author: 'De afzender: {author}',
  fromPicked: 'Ingesteld door: jij wees het aan',
  fromGuide: 'Ingesteld door: teamgids “{guide}”',
  fromGuideUnnamed: 'Ingesteld door: een teamgids',
  delete: 'Verwijderen',
  deleteLabel: 'De regel voor {site} verwijderen',
  deleted: 'De regel voor {site} is verwijderd.',
  error: 'Er ging iets mis en er is niets veranderd. Laad deze pagina opnieuw en probeer het nog eens.',
};

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
