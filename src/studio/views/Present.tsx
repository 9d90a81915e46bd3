/**
 * Presentation mode: full screen, large type, keyboard only. The customer's message, then the scripted
 * reply (the room guesses), then its flags one by one, then the human reply and the point.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { analyze, categoryInfo } from '../../engine/index.js';
import type { Lesson } from '../../lessons/index.js';
import { Highlighted } from '../components/Highlighted.js';
import type { ST } from '../i18n.js';

export function Present({ t, lesson, onExit }: { t: ST; lesson: Lesson; onExit(): void }) {
  const opts = { context: lesson.customer, author: lesson.author, lang: lesson.lang };
  const scripted = useMemo(() => analyze(lesson.scripted, opts), [lesson.id]);
  const human = useMemo(() => analyze(lesson.human, opts), [lesson.id]);
  const total = 3 + scripted.flags.length;
  const [step, setStep] = useState(0);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (['ArrowRight', 'PageDown', ' ', 'Enter'].includes(e.key)) setStep((s) => Math.min(total - 1, s + 1));
      else if (['ArrowLeft', 'PageUp', 'Backspace'].includes(e.key)) setStep((s) => Math.max(0, s - 1));
      else if (e.key === 'Home') setStep(0);
      else if (e.key === 'End') setStep(total - 1);
      else if (e.key === 'Escape') onExit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [total]);

  const flagIndex = step >= 2 && step < 2 + scripted.flags.length ? step - 2 : null;
  let body;
  if (step === 0) {
    body = (
      <div class="slide customer">
        <h2>{t('stepCustomer')}</h2>
        {lesson.author && <p class="who">{lesson.author}</p>}
        <blockquote>{lesson.customer}</blockquote>
      </div>
    );
  } else if (step === 1) {
    body = (
      <div class="slide scripted">
        <h2>{t('stepScripted')}</h2>
        <blockquote class="small">{lesson.customer}</blockquote>
        <p class="reply">{lesson.scripted}</p>
        <p class="prompt">{t('guess')}</p>
      </div>
    );
  } else if (flagIndex !== null) {
    const f = scripted.flags[flagIndex]!;
    body = (
      <div class="slide flag">
        <h2>
          {t('stepFlag')} · {t('flagOf', { n: flagIndex + 1, total: scripted.flags.length })}
        </h2>
        <div class="reply">
          <Highlighted text={lesson.scripted} flags={[f]} current={0} />
        </div>
        <p class="flag-message">
          <span class={`swatch ${f.category}`} /> {categoryInfo(f.category, lesson.lang).name}: {f.message}
        </p>
        <p class="flag-why">{f.why}</p>
      </div>
    );
  } else {
    body = (
      <div class="slide human">
        <h2>{t('stepHuman')}</h2>
        <p class="reply">{lesson.human}</p>
        <p class="scores">
          {scripted.score} → <strong>{human.score}</strong>
        </p>
        <p class="point">{lesson.point}</p>
      </div>
    );
  }
  return (
    <div class="present" ref={root} tabIndex={-1} role="region" aria-roledescription={t('slidesRole')} aria-label={lesson.title} lang={lesson.lang} data-step={step}>
      <header>
        <span>{lesson.title}</span>
        <span class="step" aria-live="polite">
          {t('step', { n: step + 1, total })}
        </span>
      </header>
      {body}
      <footer>{t('keys')}</footer>
    </div>
  );
}
