/**
 * The settings page: your sign-off, how strict, the pre-post check, sites, and each category and rule
 * on or off with its why and an example. Settings are saved at once (storage.sync, or this device when
 * sync refuses them) and apply in every open tab. Keyboard and screen-reader usable: native controls,
 * labels on every one of them, a live region for "saved".
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { categoryInfo, ruleList } from '../engine/catalog.js';
import { CATEGORIES, type Category } from '../engine/types.js';
import { uiLanguage } from '../platform/browser.js';
import { loadSettings, saveSettings, type SettingsPlace } from '../platform/settings.js';
import { SUPPORTED } from '../content/sites/adapters.js';
import { interfaceLang, uiLangFrom } from '../shared/i18n.js';
import type { Settings } from '../shared/settings.js';
import { optionsTranslator } from './i18n.js';
import { HistorySection } from './History.js';
import { SiteRules } from './SiteRules.js';
import { watchManaged, whenManagedKnown } from '../platform/managed.js';
import { applyLocked, hasPolicy, isLocked, NO_POLICY, type LockableSettings, type Managed } from '../shared/managed.js';
import { GuideSection } from './Guide.js';
import { guideTranslator } from './guide-i18n.js';

// The browser's language until the settings are read; then the one chosen there.
let lang = uiLangFrom(uiLanguage());
let t = optionsTranslator(lang);
let RULES = ruleList(lang);

let gt = guideTranslator(lang);

function useLanguageOf(s: Settings): void {
  lang = interfaceLang(s.interfaceLanguage, uiLanguage());
  t = optionsTranslator(lang);
  gt = guideTranslator(lang);
  RULES = ruleList(lang);
  document.documentElement.lang = lang;
  document.title = t('title');
}
useLanguageOf({ interfaceLanguage: 'auto' } as Settings);
const KNOWN = new Set([...ruleList('en'), ...ruleList('nl')].map((r) => r.id));

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [place, setPlace] = useState<SettingsPlace | null>(null);
  const [error, setError] = useState(false);
  const [managed, setManaged] = useState<Managed | null>(null);

  const reload = () =>
    loadSettings().then((s) => {
      useLanguageOf(s);
      setSettings(s);
    }, (e) => {
      console.error('Human Tone settings:', e);
      setError(true);
    });
  useEffect(() => {
    void reload();
    // Right after the browser starts, the first read of the policy waits for the browser's policy
    // service (about 3 s seen in Chromium): the page shows the person's settings first, then the locks.
    whenManagedKnown().then(setManaged, () => setManaged(NO_POLICY));
    // A policy changed while the page is open (the browser reloads policies as it runs): shown at once.
    const stop = new AbortController();
    watchManaged(stop.signal, setManaged);
    return () => stop.abort();
  }, []);

  if (!settings) return error ? <p class="error" role="alert">{t('error')}</p> : null;
  // The page shows the settings in force; what the organisation locked is shown, and cannot be changed here.
  const mine = settings;
  const policy = managed ?? NO_POLICY;
  const shown = applyLocked(mine, policy.locked);
  const lockedNote = policy.organisation ? gt('byPolicyWho', { who: policy.organisation }) : gt('byPolicy');
  const locked = (key: keyof LockableSettings, site?: string) => isLocked(policy.locked, key, site);
  const Lock = (p: { on: boolean }) => (p.on ? <span class="locked"> ({lockedNote})</span> : null);

  const update = (patch: Partial<Settings>) => {
    const next = { ...mine, ...patch };
    useLanguageOf(next);
    setSettings(next);
    saveSettings(next).then(setPlace, (e) => {
      console.error('Human Tone settings:', e);
      setError(true);
    });
  };
  const toggleIn = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? list.filter((x) => x !== item) : [...list.filter((x) => x !== item), item]);
  // A stored setting that names a rule that no longer exists is kept (harmless) and reported.
  const unknown = shown.disabledRules.filter((id) => !KNOWN.has(id));

  return (
    <main>
      <h1>
        <img src="/icons/icon-48.png" alt="" /> {t('title')}
      </h1>
      <p class="muted">{t('intro')}</p>
      {hasPolicy(policy) && Object.keys(policy.locked).length > 0 && (
        <p class="locked policy-note">
          <strong>{lockedNote}</strong>: {Object.keys(policy.locked).join(', ')}
        </p>
      )}
      <p class="status" role="status" aria-live="polite">
        {error ? <span class="error">{t('error')}</span> : place === 'sync' ? t('savedSync') : place === 'local' ? t('savedLocal') : ''}
      </p>

      <h2>{t('you')}</h2>
      <label class="block">
        {t('signature')}
        <input type="text" name="signature" maxLength={60} value={settings.signature} placeholder={t('signaturePlaceholder')} onChange={(e) => update({ signature: (e.target as HTMLInputElement).value.trim() })} />
      </label>

      <h2>{t('coaching')}</h2>
      <label class="block">
        {t('strictness')}
        <Lock on={locked('strictness')} />
        <select name="strictness" value={shown.strictness} disabled={locked('strictness')} onChange={(e) => update({ strictness: (e.target as HTMLSelectElement).value as Settings['strictness'] })}>
          {(['relaxed', 'normal', 'strict'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`strict_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="block">
        {t('prePost')}
        <Lock on={locked('prePost')} />
        <select name="prePost" value={shown.prePost} disabled={locked('prePost')} onChange={(e) => update({ prePost: (e.target as HTMLSelectElement).value as Settings['prePost'] })}>
          {(['off', 'scripted', 'mixed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`prePost_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="block">
        {t('language')}
        <Lock on={locked('language')} />
        <select name="language" value={shown.language} disabled={locked('language')} onChange={(e) => update({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          {(['auto', 'en', 'nl'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`language_${s}`)}
            </option>
          ))}
        </select>
      </label>

      <label class="block">
        {t('interfaceLanguage')}
        <select name="interfaceLanguage" value={settings.interfaceLanguage} onChange={(e) => update({ interfaceLanguage: (e.target as HTMLSelectElement).value as Settings['interfaceLanguage'] })}>
          {(['auto', 'en', 'nl'] as const).map((s) => (
            <option key={s} value={s} lang={s === 'auto' ? undefined : s}>
              {t(`interface_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="block">
        {t('register')}
        <Lock on={locked('register')} />
        <select name="register" value={shown.register} disabled={locked('register')} onChange={(e) => update({ register: (e.target as HTMLSelectElement).value as Settings['register'] })}>
          {(['plain', 'formal'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`register_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="block">
        {t('address')}
        <Lock on={locked('address')} />
        <select name="address" value={shown.address} disabled={locked('address')} onChange={(e) => update({ address: (e.target as HTMLSelectElement).value as Settings['address'] })}>
          {(['any', 'je', 'u'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`address_${s}`)}
            </option>
          ))}
        </select>
      </label>

      <h2>{t('sites')}</h2>
      <p class="muted">{t('sitesIntro')}</p>
      <fieldset>
        <legend>{t('sites')}</legend>
        {SUPPORTED.map((site) => (
          <label key={site.id}>
            <input
              type="checkbox"
              checked={shown.sites[site.id] !== false}
              disabled={locked('sites', site.id)}
              onChange={(e) => update({ sites: { ...mine.sites, [site.id]: (e.target as HTMLInputElement).checked } })}
            />
            {site.name}
            <Lock on={locked('sites', site.id)} />
          </label>
        ))}
      </fieldset>
      {settings.extraOrigins.length > 0 && (
        <fieldset>
          <legend>{t('extraSites')}</legend>
          <ul>
            {settings.extraOrigins.map((o) => (
              <li key={o}>
                {o}{' '}
                <button type="button" class="link" onClick={() => update({ extraOrigins: settings.extraOrigins.filter((x) => x !== o) })}>
                  {t('removeSite', { site: o })}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <SiteRules lang={lang} />

      <h2>{t('rules')}</h2>
      <p class="muted">{t('rulesIntro')}</p>
      {unknown.length > 0 && <p class="muted">{t('unknownRules', { ids: unknown.join(', ') })}</p>}
      {CATEGORIES.map((c) => (
        <CategoryBlock key={c} category={c} settings={shown} update={update} toggleIn={toggleIn} lockedCategories={locked('disabledCategories')} lockedRules={locked('disabledRules')} lockNote={<Lock on />} />
      ))}
      <GuideSection uiLang={lang} managed={policy} onSettingsChanged={() => void reload()} />
      <HistorySection t={t} settings={shown} locked={locked('remember') ? lockedNote : null} update={update} fail={(e) => {
        console.error('Human Tone settings:', e);
        setError(true);
      }} />
      <p class="muted">{t('local')}</p>
    </main>
  );
}

function CategoryBlock(props: {
  category: Category;
  settings: Settings;
  update: (patch: Partial<Settings>) => void;
  toggleIn: <T>(list: readonly T[], item: T, on: boolean) => T[];
  lockedCategories: boolean;
  lockedRules: boolean;
  lockNote: preact.JSX.Element;
}) {
  const { category, settings, update, toggleIn, lockedCategories, lockedRules } = props;
  const info = categoryInfo(category, lang);
  const rules = RULES.filter((r) => r.category === category);
  const catOn = !settings.disabledCategories.includes(category);
  return (
    <fieldset>
      <legend>
        <label>
          <input type="checkbox" checked={catOn} disabled={lockedCategories} onChange={(e) => update({ disabledCategories: toggleIn(settings.disabledCategories, category, (e.target as HTMLInputElement).checked) })} />
          {info.name}
          {lockedCategories && props.lockNote}
        </label>
      </legend>
      <p class="muted">{info.explanation}</p>
      <details>
        <summary>{t('category', { name: info.name, count: rules.length })}</summary>
        {rules.map((r) => (
          <div class="rule" key={r.id}>
            <label>
              <input
                type="checkbox"
                disabled={!catOn || lockedRules}
                checked={!settings.disabledRules.includes(r.id)}
                aria-describedby={`why-${r.id}`}
                onChange={(e) => update({ disabledRules: toggleIn(settings.disabledRules, r.id, (e.target as HTMLInputElement).checked) })}
              />
              <span>
                {r.message} <code class="muted">{r.id}</code>
              </span>
            </label>
            <p class="why" id={`why-${r.id}`}>
              {t('why')}: {r.why}
            </p>
            {r.example && (
              <p class="example">
                {t('example')}: <q>{r.example}</q>
              </p>
            )}
          </div>
        ))}
      </details>
    </fieldset>
  );
}

render(<Options />, document.getElementById('app')!);
