/** The popup: coaching on this site, the reply being written, and the pre-post check. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ext, uiLanguage } from '../platform/browser.js';
import { translator, uiLangFrom } from '../shared/i18n.js';
import type { BoxStatus } from '../shared/messages.js';
import { readSettings, SETTINGS_KEY, type Settings } from '../shared/settings.js';
import { contentScriptFiles } from '../background/sites.js';
import { SUPPORTED, hostMatches } from '../content/sites/adapters.js';

const lang = uiLangFrom(uiLanguage());
const t = translator(lang);
document.documentElement.lang = lang;

interface Tab {
  id: number;
  url: URL | null;
}

async function activeTab(): Promise<Tab | null> {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id) return null;
  let url: URL | null = null;
  try {
    url = tab.url ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  return { id: tab.id, url };
}

async function save(next: Settings): Promise<void> {
  await ext.storage.local.set({ [SETTINGS_KEY]: next });
}

function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<Tab | null>(null);
  const [status, setStatus] = useState<BoxStatus | null>(null);

  useEffect(() => {
    void ext.storage.local.get(SETTINGS_KEY).then((s) => setSettings(readSettings(s[SETTINGS_KEY])));
    void activeTab().then((tb) => {
      setTab(tb);
      if (tb) void ext.tabs.sendMessage(tb.id, { type: 'status' }).then((s) => setStatus(s as BoxStatus), () => setStatus(null));
    });
  }, []);

  if (!settings) return null;
  const web = tab?.url && /^https?:$/.test(tab.url.protocol) ? tab.url : null;
  const site = web ? SUPPORTED.find((a) => hostMatches(web.hostname, a)) : undefined;
  const origin = web?.origin ?? '';
  const onHere = site ? settings.enabled && settings.sites[site.id] !== false : settings.extraOrigins.includes(origin);

  const toggleHere = async (on: boolean) => {
    const next = { ...settings, sites: { ...settings.sites }, extraOrigins: [...settings.extraOrigins] };
    if (site) next.sites[site.id] = on;
    else if (on) {
      // Asked at the moment of the click, for this one site only.
      const granted = await ext.permissions.request({ origins: [`${origin}/*`] });
      if (!granted) return;
      if (!next.extraOrigins.includes(origin)) next.extraOrigins.push(origin);
    } else {
      next.extraOrigins = next.extraOrigins.filter((o) => o !== origin);
      await ext.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    }
    if (on) next.enabled = true;
    await save(next);
    setSettings(next);
    if (on && !site && tab) await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: contentScriptFiles() }).catch(() => undefined);
  };

  const update = async (patch: Partial<Settings>) => {
    const next = { ...settings, ...patch };
    await save(next);
    setSettings(next);
  };

  return (
    <main>
      <h1>
        <img src="/icons/icon-48.png" alt="" /> Human Tone
      </h1>
      <section>
        {web ? (
          <label>
            <input type="checkbox" checked={onHere} onChange={(e) => void toggleHere((e.target as HTMLInputElement).checked)} />
            {t('popupThisSite')}: {site ? site.name : web.hostname}
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
      <section>
        <label class="block">
          {t('popupPrePost')}
          <select value={settings.prePost} onChange={(e) => void update({ prePost: (e.target as HTMLSelectElement).value as Settings['prePost'] })}>
            <option value="off">{t('prePost_off')}</option>
            <option value="scripted">{t('prePost_scripted')}</option>
            <option value="mixed">{t('prePost_mixed')}</option>
          </select>
        </label>
      </section>
      <section>
        <label class="block">
          {t('popupSignature')}
          <input type="text" maxLength={60} value={settings.signature} placeholder="^JD" onChange={(e) => void update({ signature: (e.target as HTMLInputElement).value })} />
        </label>
      </section>
      {settings.disabledRules.length > 0 && (
        <section>
          <div>{t('popupDisabledRules')}:</div>
          <ul class="rules">
            {settings.disabledRules.map((id) => (
              <li key={id}>
                <code>{id}</code>
                <button class="link" onClick={() => void update({ disabledRules: settings.disabledRules.filter((r) => r !== id) })}>
                  {t('popupTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer>
        <span>{t('popupLocal')}</span>
        <button class="link" onClick={() => void ext.tabs.create({ url: ext.runtime.getURL('src/studio/index.html') })}>
          {t('popupStudio')}
        </button>
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
