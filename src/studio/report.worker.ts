/** Analyses a team's replies off the main thread, reporting progress, so the studio stays responsive. */
import { analyze } from '../engine/index.js';
import { ReportBuilder, rowOptions } from '../report/aggregate.js';
import type { ReplyRow } from '../report/parse.js';

export type ToWorker = { rows: ReplyRow[]; errors: { line: number; message: string }[]; format?: 'csv' | 'jsonl' };
export type FromWorker = { kind: 'progress'; done: number; total: number } | { kind: 'done'; data: ReturnType<ReportBuilder['finish']> };

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { rows, errors, format } = e.data;
  const builder = new ReportBuilder({ errors, format });
  let last = 0;
  rows.forEach((row, i) => {
    builder.add(row, analyze(row.text, rowOptions(row)));
    if (i - last >= 250) {
      last = i;
      (self as unknown as Worker).postMessage({ kind: 'progress', done: i + 1, total: rows.length } satisfies FromWorker);
    }
  });
  (self as unknown as Worker).postMessage({ kind: 'progress', done: rows.length, total: rows.length } satisfies FromWorker);
  (self as unknown as Worker).postMessage({ kind: 'done', data: builder.finish() } satisfies FromWorker);
};
