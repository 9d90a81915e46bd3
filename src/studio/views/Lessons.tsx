/** The lesson library: filter by category and language, open a lesson in compare, or present it. */
import { useState } from 'preact/hooks';
import { categoryInfo, CATEGORIES, type Category } from '../../engine/index.js';
import { lessons, PRINCIPLES, type Lesson } from '../../lessons/index.js';
import type { ST, StudioLang } from '../i18n.js';

export function Lessons({ t, lang, onOpen, onPresent }: { t: ST; lang: StudioLang; onOpen(l: Lesson): void; onPresent(l: Lesson): void }) {
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [language, setLanguage] = useState<'all' | 'en' | 'nl'>('all');
  const shown = lessons.filter((l) => (category === 'all' || l.category === category) && (language === 'all' || l.lang === language));
  return (
    <section class="lessons" aria-label={t('tabLessons')}>
      <div class="filters">
        <label>
          {t('filterCategory')}
          <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as Category | 'all')}>
            <option value="all">{t('all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryInfo(c, lang).name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterLanguage')}
          <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as 'all' | 'en' | 'nl')}>
            <option value="all">{t('all')}</option>
            <option value="en">{t('lessonsEnglish')}</option>
            <option value="nl">{t('lessonsDutch')}</option>
          </select>
        </label>
        <span class="count" role="status">
          {t('lessonsCount', { n: shown.length })}
        </span>
      </div>
      <ul class="lesson-list">
        {shown.map((l) => (
          <li key={l.id} class="lesson-card" data-lesson={l.id} lang={l.lang}>
            <h3>{l.title}</h3>
            <p class="meta">
              <span class={`swatch ${l.category}`} /> {categoryInfo(l.category, l.lang).name} · {t('principle')} {l.principle}: {PRINCIPLES[l.principle][lang]} · {l.lang.toUpperCase()}
            </p>
            <p class="point">{l.point}</p>
            <div class="row">
              <button type="button" onClick={() => onOpen(l)}>
                {t('open')}
              </button>
              <button type="button" onClick={() => onPresent(l)} aria-label={`${t('present')}: ${l.title}`}>
                {t('present')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
