/**
 * The team report as one self-contained HTML file: inline CSS, no script, nothing loaded from
 * anywhere (a Content-Security-Policy says so to the browser too). Opens offline, prints well.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ReportData } from './aggregate.js';
import { REPORT_CSS, ReportView, reportStrings, type ReportLang } from './ReportView.js';

export interface HtmlOptions {
  lang: ReportLang;
  title?: string;
  /** Where the replies came from (a file name). */
  source?: string;
}

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Text for HTML: `&`, `<`, `>` and both quotes escaped (safe in text and in quoted attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export function renderReportHtml(data: ReportData, options: HtmlOptions): string {
  const lang: ReportLang = options.lang === 'nl' ? 'nl' : 'en';
  const heading = options.title ?? reportStrings(lang)('title');
  const docTitle = options.source ? `${heading}: ${options.source}` : heading;
  const body = renderToString(h(ReportView, { data, lang, title: heading, source: options.source }));
  // The style sheet is this module's own constant, not data; it must not be able to end the element.
  if (/<\/style/i.test(REPORT_CSS)) throw new Error('REPORT_CSS must not contain </style');
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="Human Tone">',
    `<title>${escapeHtml(docTitle)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
