/** The popup: coaching on this site, the reply being written, and the pre-post check. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { uiLanguage } from '../platform/browser.js';
import { askTab } from '../platform/messaging.js';
import { activeTab, injectContentScript, openExtensionPage, removeOriginPermission, requestOriginPermission, type OpenTab } from '../platform/scripting.js';
import { loadSettings, saveSettings } from '../platform/settings.js';
import { loadHistory } from '../platform/history.js';
import { whenManagedKnown } from '../platform/managed.js';
import { dayOf, progressRows, type ProgressRow } from '../shared/history.js';
import { applyLocked, isLocked, NO_POLICY, type Managed } from '../shared/managed.js';
import { interfaceLang, translator, uiLangFrom } from '../shared/i18n.js';
import type { BoxStatus } from '../shared/messages.js';
import type { Settings } from '../shared/settings.js';
import { SUPPORTED, hostMatches } from '../content/sites/adapters.js';

// The browser's language until the settings say otherwise (they are read before anything is shown).
let t = translator(uiLangFrom(uiLanguage()));
document.documentElement.lang = uiLangFrom(uiLanguage());

function useLanguageOf(s: Settings): void {
  const lang = interfaceLang(s.interfaceLanguage, uiLanguage());
  t = translator(lang);
  document.documentElement.lang = lang;
}

function Popup() {
  const [mine, setSettings] = useState<Settings | null>(null);
  const [managed, setManaged] = useState<Managed>(NO_POLICY);
  const [tab, setTab] = useState<OpenTab | null>(null);
  const [status, setStatus] = useState<BoxStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [today, setToday] = useState<ProgressRow | null>(null);
  const fail = (e: unknown) => {
    console.error('Human Tone popup:', e);
    setError(t('popupError'));
  };

  useEffect(() => {
    loadSettings().then((s) => {
      useLanguageOf(s);
      setSettings(s);
    }, fail);
    whenManagedKnown().then(setManaged, fail);
    loadHistory().then((h) => setToday(progressRows(h, dayOf(new Date()), 1)[0] ?? null), fail);
    activeTab().then(async (tb) => {
      setTab(tb);
      if (tb) setStatus(await askTab(tb.id, { type: 'status' }));
    }, fail);
  }, []);

  if (!mine) return error ? <p class="error" role="alert">{error}</p> : null;
  // What is shown is what is in force; what is saved is the person's own (an organisation's lock is laid over it).
  const settings = applyLocked(mine, managed.locked);
  const lockNote = managed.organisation ? t('lockedBy', { who: managed.organisation }) : t('locked');
  const Locked = ({ on }: { on: boolean }) => (on ? <span class="muted locked"> ({lockNote})</span> : null);
  const web = tab?.url && /^https?:$/.test(tab.url.protocol) ? tab.url : null;
  const site = web ? SUPPORTED.find((a) => hostMatches(web.hostname, a)) : undefined;
  const origin = web?.origin ?? '';
  const onHere = site ? settings.enabled && settings.sites[site.id] !== false : settings.extraOrigins.includes(origin);

  const toggleHere = (on: boolean) => toggle(on).catch(fail);
  const toggle = async (on: boolean) => {
    const next = { ...mine, sites: { ...settings.sites }, extraOrigins: [...settings.extraOrigins] };
    if (site) next.sites[site.id] = on;
    else if (on) {
      // Asked at the moment of the click, for this one site only.
      const granted = await requestOriginPermission(`${origin}/*`);
      if (!granted) return;
      if (!next.extraOrigins.includes(origin)) next.extraOrigins.push(origin);
    } else {
      next.extraOrigins = next.extraOrigins.filter((o) => o !== origin);
      await removeOriginPermission(`${origin}/*`);
    }
    if (on) next.enabled = true;
    await saveSettings(next);
    setSettings(next);
    // The page may not be scriptable (a browser page, an error page): coaching starts on its next load.
    if (on && !site && tab) await injectContentScript(tab.id).catch(() => undefined);
  };

  const update = (patch: Partial<Settings>) => {
    const next = { ...mine, ...patch };
    saveSettings(next).then(() => setSettings(next), fail);
  };

  return (
    <main>
      <h1>
        <img src="/icons/icon-48.png" alt="" /> Human Tone
      </h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <section>
        {web ? (
          <label>
            <input
              type="checkbox"
              checked={onHere}
              disabled={!!site && (isLocked(managed.locked, 'sites', site.id) || managed.locked.enabled !== undefined)}
              onChange={(e) => void toggleHere((e.target as HTMLInputElement).checked)}
            />
            {t('popupThisSite')}: {site ? site.name : web.hostname}
            <Locked on={!!site && (isLocked(managed.locked, 'sites', site.id) || managed.locked.enabled !== undefined)} />
          </label>
        ) : (
          <p class="muted">{t('popupNoPage')}</p>
        )}
        {web && !site && !onHere && <p class="muted">{t('popupUnsupported')}</p>}
      </section>
      <section aria-live="polite">
        <div>{t('popupReply')}:</div>
        {status?.active ? (
          <p class={`verdict ${status.active.verdict}`} data-verdict={status.active.verdict}>
            {t(`verdict_${status.active.verdict}`)}
            {status.active.verdict !== 'unknown' ? ` · ${t('score')} ${status.active.score}` : ''}
          </p>
        ) : (
          <p class="muted">{t('popupNoReply')}</p>
        )}
      </section>
      {settings.remember && today && (
        <section class="today" data-today-replies={today.replies}>
          {today.replies > 0 ? t('popupToday', { count: today.replies, score: today.averageScore }) : <span class="muted">{t('popupTodayNone')}</span>}
        </section>
      )}
      <section>
        <label class="block">
          {t('popupPrePost')}
          <Locked on={isLocked(managed.locked, 'prePost')} />
          <select value={settings.prePost} disabled={isLocked(managed.locked, 'prePost')} onChange={(e) => update({ prePost: (e.target as HTMLSelectElement).value as Settings['prePost'] })}>
            <option value="off">{t('prePost_off')}</option>
            <option value="scripted">{t('prePost_scripted')}</option>
            <option value="mixed">{t('prePost_mixed')}</option>
          </select>
        </label>
      </section>
      <section>
        <label class="block">
          {t('popupSignature')}
          <input type="text" maxLength={60} value={settings.signature} placeholder={t('signaturePlaceholder')} onChange={(e) => update({ signature: (e.target as HTMLInputElement).value })} />
        </label>
      </section>
      {settings.disabledRules.length > 0 && (
        <section>
          <div>{t('popupDisabledRules')}:</div>
          <ul class="rules">
            {settings.disabledRules.map((id) => (
              <li key={id}>
                <code>{id}</code>
                <button class="link" disabled={isLocked(managed.locked, 'disabledRules')} onClick={() => update({ disabledRules: mine.disabledRules.filter((r) => r !== id) })}>
                  {t('popupTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        <span>{t('popupLocal')}</span>
        <button class="link" onClick={() => void openExtensionPage('src/options/index.html').catch(fail)}>
          {t('popupSettings')}
        </button>
        <button class="link" onClick={() => void openExtensionPage('src/studio/index.html').catch(fail)}>
          {t('popupStudio')}
        </button>
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
