/** The studio: analyse, compare, lessons (and presenting them), team report. Hash routes, no server. */
import { useEffect, useState } from 'preact/hooks';
import { lessons, type Lesson } from '../lessons/index.js';
import { studioT, type StudioLang } from './i18n.js';
import { decodeShared } from './share.js';
import { Analyse, type CaseState } from './views/Analyse.js';
import { Compare, type CompareState } from './views/Compare.js';
import { Lessons } from './views/Lessons.js';
import { Present } from './views/Present.js';
import { Report } from './views/Report.js';
import iconUrl from './icon.svg';

type Tab = 'analyse' | 'compare' | 'lessons' | 'report';

function initialLang(): StudioLang {
  const saved = localStorage.getItem('human-tone-studio-lang');
  if (saved === 'en' || saved === 'nl') return saved;
  return /^nl\b/i.test(navigator.language) ? 'nl' : 'en';
}

function routeOf(hash: string): { tab: Tab; present?: string } {
  const m = /^#\/(analyse|compare|lessons|report)(?:\/present\/([\w-]+))?/.exec(hash);
  if (!m) return { tab: 'analyse' };
  return { tab: m[1] as Tab, present: m[2] };
}

export function App() {
  const [lang, setLang] = useState<StudioLang>(initialLang);
  const t = studioT(lang);
  const [route, setRoute] = useState(() => routeOf(location.hash));
  const [single, setSingle] = useState<CaseState>({ reply: '', context: '', author: '' });
  const [pair, setPair] = useState<CompareState>({ before: '', after: '', context: '', author: '' });

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = studioT(lang)('title');
    localStorage.setItem('human-tone-studio-lang', lang);
  }, [lang]);

  useEffect(() => {
    const onHash = () => {
      if (location.hash.startsWith('#share=')) {
        void decodeShared(location.hash.slice(7)).then((shared) => {
          if (shared?.kind === 'case') {
            setSingle({ reply: shared.reply, context: shared.context ?? '', author: shared.author ?? '' });
            setRoute({ tab: 'analyse' });
          } else if (shared?.kind === 'compare') {
            setPair({ before: shared.before, after: shared.after, context: shared.context ?? '', author: shared.author ?? '' });
            setRoute({ tab: 'compare' });
          }
        });
        return;
      }
      setRoute(routeOf(location.hash));
    };
    onHash();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const go = (tab: Tab, present?: string) => {
    location.hash = present ? `#/${tab}/present/${present}` : `#/${tab}`;
  };
  const presenting = route.present ? lessons.find((l) => l.id === route.present) : undefined;

  const present = (l: Lesson) => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    go('lessons', l.id);
  };
  const exitPresent = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    go('lessons');
  };

  if (presenting) return <Present t={t} lesson={presenting} onExit={exitPresent} />;

  const tabs: [Tab, string][] = [
    ['analyse', t('tabAnalyse')],
    ['compare', t('tabCompare')],
    ['lessons', t('tabLessons')],
    ['report', t('tabReport')],
  ];
  return (
    <div class="studio">
      <header class="top no-print">
        <h1>
          <img src={iconUrl} alt="" width={28} height={28} /> {t('title')}
        </h1>
        <p class="tagline">{t('tagline')}</p>
        <label class="lang">
          {t('language')}
          <select value={lang} onChange={(e) => setLang((e.target as HTMLSelectElement).value as StudioLang)}>
            <option value="en" lang="en">English</option>
            <option value="nl" lang="nl">Nederlands</option>
          </select>
        </label>
      </header>
      <nav class="tabs no-print" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={route.tab === id} class={route.tab === id ? 'active' : ''} onClick={() => go(id)}>
            {label}
          </button>
        ))}
      </nav>
      <main>
        {route.tab === 'analyse' && <Analyse t={t} value={single} onChange={setSingle} />}
        {route.tab === 'compare' && <Compare t={t} value={pair} onChange={setPair} />}
        {route.tab === 'lessons' && (
          <Lessons
            t={t}
            lang={lang}
            onOpen={(l) => {
              setPair({ before: l.scripted, after: l.human, context: l.customer, author: l.author ?? '' });
              go('compare');
            }}
            onPresent={present}
          />
        )}
        {route.tab === 'report' && <Report t={t} lang={lang} />}
      </main>
      <footer class="no-print">{t('local')}</footer>
    </div>
  );
}
