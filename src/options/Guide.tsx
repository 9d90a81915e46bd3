/**
 * The settings page's "Team guide" section: the guide's rules, a form to add, edit or delete one with
 * a live preview on a sample reply (the engine runs in this page), import from a file (every problem
 * named by field and line; nothing saved is changed), export to a file, remove. A guide set by the
 * organisation's policy is shown read-only with who set it. Native controls with labels; results and
 * errors in live regions, so that a screen reader hears them.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { analyze, BUILTIN_RULE_IDS } from '../engine/analyze.js';
import { categoryInfo } from '../engine/catalog.js';
import { CATEGORIES, SEVERITIES, type Category, type Flag, type Lang, type RuleSource, type Severity } from '../engine/types.js';
import { loadStoredGuide, policyGuide, saveGuide } from '../platform/guide.js';
import { watchGuideChange } from '../platform/managed.js';
import { checkRule, formatIssue, ruleProblems, guideToJson, readGuideText, type Guide, type GuideIssue, type GuideRule } from '../shared/guide.js';
import type { Managed } from '../shared/managed.js';
import { guideTranslator } from './guide-i18n.js';

type T = ReturnType<typeof guideTranslator>;

interface Draft {
  patterns: string;
  category: Category;
  lang: Lang;
  severity: Severity;
  message: string;
  why: string;
  suggestions: string;
  id: string;
  idTouched: boolean;
  exampleMatch: string;
  examplePass: string;
  sample: string;
}

const SAMPLES: Record<Lang, string> = {
  en: 'Hi Sam, thanks for your message. We value you as a customer and we will look into it. Kind regards, the team',
  nl: 'Hoi Sam, bedankt voor je bericht. Wij waarderen u als klant en gaan het voor u uitzoeken. Met vriendelijke groet, het team',
};

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function slug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'rule';
}

function autoId(d: Draft): string {
  return `${d.category}.team-${slug(lines(d.patterns)[0]?.replace(/[[\](){}|*<>]/g, ' ') ?? '')}`;
}

function emptyDraft(lang: Lang): Draft {
  return { patterns: '', category: 'scripted', lang, severity: 'warning', message: '', why: '', suggestions: '', id: '', idTouched: false, exampleMatch: '', examplePass: '', sample: SAMPLES[lang] };
}

function draftOf(rule: GuideRule): Draft {
  const text = (e: unknown) => (typeof e === 'string' ? e : ((e as { text?: string })?.text ?? ''));
  return {
    patterns: rule.patterns.join('\n'),
    category: rule.category,
    lang: rule.lang,
    severity: rule.severity,
    message: rule.message,
    why: rule.why,
    suggestions: rule.suggestions.join('\n'),
    id: rule.id,
    idTouched: true,
    exampleMatch: text(rule.examples?.match?.[0]),
    examplePass: text(rule.examples?.pass?.[0]),
    sample: text(rule.examples?.match?.[0]) || SAMPLES[rule.lang],
  };
}

/** The rule the form describes, as the guide stores it (keeping the examples beyond the first, when editing). */
function ruleOf(d: Draft, before?: GuideRule): Record<string, unknown> {
  const examples: Record<string, unknown> = {};
  const match = [...(d.exampleMatch.trim() ? [d.exampleMatch.trim()] : []), ...(before?.examples?.match?.slice(1) ?? [])];
  const pass = [...(d.examplePass.trim() ? [d.examplePass.trim()] : []), ...(before?.examples?.pass?.slice(1) ?? [])];
  if (match.length) examples.match = match;
  if (pass.length) examples.pass = pass;
  return {
    id: d.idTouched ? d.id.trim() : autoId(d),
    lang: d.lang,
    category: d.category,
    severity: d.severity,
    patterns: lines(d.patterns),
    ...(before?.soft !== undefined ? { soft: before.soft } : {}),
    message: d.message.trim(),
    why: d.why.trim(),
    suggestions: lines(d.suggestions),
    ...(match.length || pass.length ? { examples } : {}),
    ...(before?.link ? { link: before.link } : {}),
  };
}

let builtinOff: string[] | null = null;

/** Where the draft rule flags the sample (the built-in rules off, so that its own matches show), or why it cannot yet. */
function preview(d: Draft, uiLang: Lang): { flags: Flag[] } | { error: string } {
  const patterns = lines(d.patterns);
  if (!patterns.length || !d.sample.trim()) return { flags: [] };
  const rule = {
    id: `${d.category}.preview-of-this-rule`,
    lang: d.lang,
    category: d.category,
    severity: d.severity,
    patterns,
    message: d.message.trim() || '-',
    why: d.why.trim() || '-',
    suggestions: lines(d.suggestions).length ? lines(d.suggestions) : [''],
  } as RuleSource;
  builtinOff ??= [...BUILTIN_RULE_IDS];
  // A pattern that does not compile is said in the interface's language, as the form's other problems are.
  const broken = ruleProblems({ ...rule, id: rule.id } as GuideRule, undefined, false).filter((i) => i.path[0] === 'patterns');
  if (broken.length) return { error: broken.map((i) => formatIssue(i, uiLang)).join('\n') };
  try {
    const result = analyze(d.sample, { lang: d.lang, extraRules: [rule], disabledRules: builtinOff });
    return { flags: result.flags.filter((f) => f.rule === rule.id) };
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).replace(/^Invalid extra rules:\n/, '').replace(/rule 1: /g, '') };
  }
}

function Marked(props: { text: string; flags: Flag[] }) {
  const out: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const f of [...props.flags].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out.push(props.text.slice(at, f.start), <mark key={f.start}>{props.text.slice(f.start, f.end)}</mark>);
    at = f.end;
  }
  out.push(props.text.slice(at));
  return <p class="sample">{out}</p>;
}

function Issues(props: { title: string; issues: readonly string[] }) {
  return (
    <div class="error" role="alert">
      <p>{props.title}</p>
      <ul class="issues">
        {props.issues.map((i, n) => (
          <li key={n}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

function RuleForm(props: { t: T; uiLang: Lang; initial: Draft; before?: GuideRule; others: GuideRule[]; onSave: (rule: GuideRule) => void; onCancel: () => void }) {
  const { t, uiLang } = props;
  const [d, setD] = useState<Draft>(props.initial);
  const [issues, setIssues] = useState<GuideIssue[]>([]);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<Draft>) => setD((cur) => ({ ...cur, ...patch }));
  const shown = preview(d, uiLang);
  const invalid = (field: string) => issues.some((i) => i.path[0] === field);
  const value = (e: Event) => (e.target as HTMLInputElement).value;

  const submit = (e: Event) => {
    e.preventDefault();
    const res = checkRule(ruleOf(d, props.before), props.others);
    if (!res.ok) {
      setIssues(res.issues);
      return;
    }
    setIssues([]);
    props.onSave(res.rule);
  };

  return (
    <form class="rule-form" onSubmit={submit} aria-labelledby="rule-form-title" noValidate>
      <h3 id="rule-form-title">{props.before ? t('formEdit', { id: props.before.id }) : t('formNew')}</h3>
      <label class="block">
        {t('patterns')}
        <textarea ref={first} name="patterns" rows={3} value={d.patterns} aria-invalid={invalid('patterns')} onInput={(e) => set({ patterns: value(e) })} />
      </label>
      <div class="row">
        <label class="block">
          {t('category')}
          <select name="category" value={d.category} onChange={(e) => set({ category: value(e) as Category })}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryInfo(c, uiLang).name}
              </option>
            ))}
          </select>
        </label>
        <label class="block">
          {t('lang')}
          <select name="lang" value={d.lang} onChange={(e) => set({ lang: value(e) as Lang, sample: d.sample === SAMPLES[d.lang] ? SAMPLES[value(e) as Lang] : d.sample })}>
            <option value="en">{t('lang_en')}</option>
            <option value="nl">{t('lang_nl')}</option>
          </select>
        </label>
        <label class="block">
          {t('severity')}
          <select name="severity" value={d.severity} onChange={(e) => set({ severity: value(e) as Severity })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="block">
        {t('message')}
        <input type="text" name="message" maxLength={300} value={d.message} aria-invalid={invalid('message')} onInput={(e) => set({ message: value(e) })} />
      </label>
      <label class="block">
        {t('why')}
        <input type="text" name="why" maxLength={500} value={d.why} aria-invalid={invalid('why')} onInput={(e) => set({ why: value(e) })} />
      </label>
      <label class="block">
        {t('suggestions')}
        <textarea name="suggestions" rows={2} value={d.suggestions} aria-invalid={invalid('suggestions')} onInput={(e) => set({ suggestions: value(e) })} />
      </label>
      <label class="block">
        {t('id')}
        <input type="text" name="id" maxLength={80} value={d.idTouched ? d.id : autoId(d)} aria-invalid={invalid('id')} onInput={(e) => set({ id: value(e), idTouched: true })} />
      </label>
      <label class="block">
        {t('exampleMatch')}
        <input type="text" name="exampleMatch" value={d.exampleMatch} aria-invalid={invalid('examples')} onInput={(e) => set({ exampleMatch: value(e) })} />
      </label>
      <label class="block">
        {t('examplePass')}
        <input type="text" name="examplePass" value={d.examplePass} onInput={(e) => set({ examplePass: value(e) })} />
      </label>
      <label class="block">
        {t('sample')}
        <textarea name="sample" rows={3} value={d.sample} aria-describedby="rule-preview" onInput={(e) => set({ sample: value(e) })} />
      </label>
      <div id="rule-preview" class="preview" role="status" aria-live="polite" data-preview={'error' in shown ? 'invalid' : shown.flags.length ? 'flags' : 'none'}>
        {'error' in shown ? (
          <p>
            {t('previewInvalid')} {shown.error}
          </p>
        ) : shown.flags.length ? (
          <>
            <p>{t('previewFlags', { count: shown.flags.length })}</p>
            <Marked text={d.sample} flags={shown.flags} />
          </>
        ) : lines(d.patterns).length ? (
          <p>{t('previewNone')}</p>
        ) : null}
      </div>
      {issues.length > 0 && <Issues title={t('notSaved')} issues={issues.map((i) => formatIssue(i, uiLang))} />}
      <p class="buttons">
        <button type="submit">{t('save')}</button> <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </p>
    </form>
  );
}

function fileName(guide: Guide): string {
  return `${slug(guide.name)}.json`;
}

function download(guide: Guide): void {
  const url = URL.createObjectURL(new Blob([guideToJson(guide)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(guide);
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy by now; the URL is only a handle on this page's memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function RuleList(props: { t: T; uiLang: Lang; rules: readonly GuideRule[]; onEdit?: (i: number) => void; onDelete?: (i: number) => void }) {
  const { t, uiLang } = props;
  return (
    <ul class="guide-rules">
      {props.rules.map((r, i) => (
        <li key={r.id} class="rule" data-rule={r.id}>
          <div>
            {r.message} <code class="muted">{r.id}</code>
          </div>
          <div class="why">
            {t('ruleMeta', { category: categoryInfo(r.category, uiLang).name, lang: t(`lang_${r.lang}`), severity: t(`severity_${r.severity}`).split(':')[0]! })}:{' '}
            {r.patterns.map((p, n) => (
              <span key={n}>
                {n > 0 ? ', ' : ''}
                <q>{p}</q>
              </span>
            ))}
          </div>
          {(props.onEdit || props.onDelete) && (
            <div class="why">
              {props.onEdit && (
                <button type="button" class="link" aria-label={t('editLabel', { id: r.id })} onClick={() => props.onEdit!(i)}>
                  {t('edit')}
                </button>
              )}{' '}
              {props.onDelete && (
                <button type="button" class="link" aria-label={t('deleteLabel', { id: r.id })} onClick={() => props.onDelete!(i)}>
                  {t('delete')}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export function GuideSection(props: { uiLang: Lang; managed: Managed; onSettingsChanged: () => void }) {
  const { uiLang, managed } = props;
  const t = guideTranslator(uiLang);
  const [guide, setGuide] = useState<Guide | null | undefined>(undefined);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<{ title: string; issues: string[] } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // When the form closes (saved or cancelled), the focus returns to "Add a rule", not to the page's start.
  useEffect(() => {
    if (editing === null && wasEditing.current) addButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  useEffect(() => {
    const reload = () => void loadStoredGuide().then(setGuide, () => setGuide(null));
    reload();
    // Another settings page (or the worker) may change it: show what is stored.
    const stop = new AbortController();
    watchGuideChange(stop.signal, reload);
    return () => stop.abort();
  }, []);

  const policy = policyGuide(managed);
  const who = managed.organisation ? t('byPolicyWho', { who: managed.organisation }) : t('byPolicy');

  if (policy.guide) {
    const g = policy.guide;
    return (
      <section aria-labelledby="guide-heading" class="guide" data-guide-source="policy">
        <h2 id="guide-heading">{t('heading')}</h2>
        <p class="locked">
          <strong>{who}</strong>
        </p>
        <p class="muted">{t('policyReadOnly')}</p>
        <GuideSummary t={t} guide={g} />
        <RuleList t={t} uiLang={uiLang} rules={g.rules} />
        <p class="muted">{t('local')}</p>
      </section>
    );
  }

  if (guide === undefined) return null;

  const save = async (next: Guide | null, done: string) => {
    setFailure(null);
    try {
      await saveGuide(next, { applySettings: false });
      setGuide(next);
      setStatus(done);
    } catch (e) {
      setFailure({ title: t('notSaved'), issues: [e instanceof Error ? e.message : String(e)] });
    }
  };

  const importFile = async (file: File) => {
    setFailure(null);
    setStatus(t('importing', { file: file.name }));
    const text = await file.text();
    const res = readGuideText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (!res.ok) {
      setStatus('');
      setFailure({ title: t('importFailed', { file: file.name }), issues: res.issues.map((i) => formatIssue(i, uiLang)) });
      return;
    }
    try {
      const saved = await saveGuide(res.guide);
      setGuide(res.guide);
      const parts = [t('imported', { name: res.guide.name, count: res.guide.rules.length })];
      if (saved.keptPicked.length) parts.push(t('importedSites', { sites: saved.keptPicked.join(', ') }));
      if (saved.settingsApplied.length) {
        parts.push(t('importedSettings', { list: saved.settingsApplied.join(', ') }));
        props.onSettingsChanged();
      }
      setStatus(parts.join(' '));
    } catch (e) {
      setStatus('');
      setFailure({ title: t('importFailed', { file: file.name }), issues: [e instanceof Error ? e.message : String(e)] });
    }
  };

  const rules = guide?.rules ?? [];
  const saveRule = (rule: GuideRule) => {
    const list = [...rules];
    if (editing === 'new' || editing === null) list.push(rule);
    else list[editing] = rule;
    const next: Guide = guide ? { ...guide, rules: list } : { name: t('defaultName'), rules: list };
    setEditing(null);
    void save(next, t('saved', { id: rule.id }));
  };

  return (
    <section aria-labelledby="guide-heading" class="guide" data-guide-source={guide ? 'import' : 'none'}>
      <h2 id="guide-heading">{t('heading')}</h2>
      <p class="muted">{t('intro')}</p>
      {policy.problems.length > 0 && <Issues title={`${who}. ${t('policyBroken')}`} issues={policy.problems.map((i) => formatIssue(i, uiLang))} />}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {failure && <Issues title={failure.title} issues={failure.issues} />}
      {guide ? (
        <>
          <label class="block">
            {t('guideName')}
            <input
              type="text"
              name="guideName"
              maxLength={100}
              value={guide.name}
              onChange={(e) => {
                const name = (e.target as HTMLInputElement).value.trim();
                if (name && name !== guide.name) void save({ ...guide, name }, '');
              }}
            />
          </label>
          <GuideSummary t={t} guide={guide} />
          <RuleList
            t={t}
            uiLang={uiLang}
            rules={rules}
            onEdit={(i) => setEditing(i)}
            onDelete={(i) => void save({ ...guide, rules: rules.filter((_, n) => n !== i) }, t('deleted', { id: rules[i]!.id }))}
          />
        </>
      ) : (
        <p>{t('none')}</p>
      )}
      {editing !== null ? (
        <RuleForm
          key={String(editing)}
          t={t}
          uiLang={uiLang}
          initial={editing === 'new' ? emptyDraft(uiLang) : draftOf(rules[editing]!)}
          before={editing === 'new' ? undefined : rules[editing]}
          others={rules.filter((_, n) => n !== editing)}
          onSave={saveRule}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p class="buttons">
          <button type="button" ref={addButton} onClick={() => setEditing('new')}>
            {t('add')}
          </button>
        </p>
      )}
      <p class="buttons">
        <label class="file">
          {t('importFile')}
          <input
            ref={fileInput}
            type="file"
            name="guideFile"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      {guide && (
        <p class="buttons">
          <button type="button" onClick={() => download(guide)}>
            {t('exportFile')}
          </button>{' '}
          {confirming ? (
            <span role="group" aria-label={t('clear')}>
              {t('clearConfirm', { name: guide.name, count: guide.rules.length })}{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  void save(null, t('cleared'));
                }}
              >
                {t('clearYes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('clearNo')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('clear')}
            </button>
          )}
        </p>
      )}
      <p class="muted">{t('local')}</p>
    </section>
  );
}

function GuideSummary(props: { t: T; guide: Guide }) {
  const { t, guide } = props;
  const sites = Object.keys(guide.sites ?? {});
  const settings = Object.entries(guide.settings ?? {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return (
    <>
      <p class="guide-summary">
        <strong>{t('summary', { name: guide.name, count: guide.rules.length })}</strong>
        {guide.version ? ` (${t('version', { version: guide.version })})` : ''}
      </p>
      {guide.description && <p class="muted">{guide.description}</p>}
      {sites.length > 0 && <p class="muted">{t('sitesByGuide', { count: sites.length, sites: sites.join(', ') })}</p>}
      {settings.length > 0 && <p class="muted">{t('settingsByGuide', { list: settings.join('; ') })}</p>}
    </>
  );
}
