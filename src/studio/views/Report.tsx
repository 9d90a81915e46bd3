/** Team report: drop a CSV or JSON Lines file of replies; analysed in a worker with a progress bar. */
import { useRef, useState } from 'preact/hooks';
import { parseReplies } from '../../report/parse.js';
import { ReportView } from '../../report/ReportView.js';
import type { ST, StudioLang } from '../i18n.js';
import type { FromWorker } from '../report.worker.js';
// The worker is a chunk of the same build, so it shares the engine chunk (scripts/shared-worker.ts).
import reportWorkerUrl from '../report.worker.ts?shared-worker';

type Data = Extract<FromWorker, { kind: 'done' }>['data'];

export function Report({ t, lang }: { t: ST; lang: StudioLang }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [data, setData] = useState<Data | null>(null);
  const [name, setName] = useState('');
  const [dragging, setDragging] = useState(false);
  const worker = useRef<Worker | null>(null);

  const load = async (file: File) => {
    worker.current?.terminate();
    setData(null);
    setName(file.name);
    const parsed = parseReplies(await file.text(), file.name);
    setProgress({ done: 0, total: parsed.rows.length });
    const w = new Worker(reportWorkerUrl, { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.kind === 'progress') setProgress({ done: e.data.done, total: e.data.total });
      else {
        setData(e.data.data);
        w.terminate();
      }
    };
    w.postMessage({ rows: parsed.rows, errors: parsed.errors, format: parsed.format });
  };

  return (
    <section class="report" aria-label={t('tabReport')}>
      <label
        class={`drop${dragging ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer?.files[0];
          if (f) void load(f);
        }}
      >
        <span>{t('reportDrop')}</span>
        <input type="file" accept=".csv,.tsv,.jsonl,.ndjson,.json,.txt,text/csv" aria-label={t('reportChoose')} onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          if (f) void load(f);
        }} />
      </label>
      {progress && !data && (
        <div class="progress">
          <progress max={progress.total || 1} value={progress.done} aria-label={t('reportProgress', { done: progress.done, total: progress.total })} />
          <span role="status">{t('reportProgress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {data && (
        <div class="report-result" data-file={name}>
          <ReportView data={data} lang={lang} source={name} headingLevel={2} />
        </div>
      )}
    </section>
  );
}
