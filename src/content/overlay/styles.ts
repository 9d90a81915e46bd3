/** Styles of the coach, inside its shadow root: the page's CSS cannot reach them, ours cannot leak. */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.badge { position: fixed; z-index: 2; display: inline-flex; align-items: center; gap: 4px; height: 24px; padding: 0 7px;
  border-radius: 12px; border: 2px solid; background: #fff; color: #111; font-size: 12px; font-weight: 600; cursor: pointer;
  box-shadow: 0 1px 3px rgba(0,0,0,.25); }
.badge:focus-visible, button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; }
.panel { position: fixed; z-index: 3; width: 360px; max-width: calc(100vw - 16px); overflow: auto; background: #fff; color: #111;
  border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 10px 12px; font-size: 13px; line-height: 1.4; }
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
h2 { font-size: 14px; margin: 2px 0 6px; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #4b5563; margin: 10px 0 4px; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid #eee; padding: 8px 0; }
li.current { background: #fefce8; margin: 0 -12px; padding: 8px 12px; }
p { margin: 2px 0; }
.quote { font-weight: 600; }
.sev { font-weight: 400; font-size: 11px; color: #6b7280; margin-left: 4px; }
.why { color: #374151; } .why span { font-weight: 600; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 2px; }
button { font: inherit; cursor: pointer; }
.suggestion { border: 1px solid #15803d; color: #14532d; background: #f0fdf4; border-radius: 6px; padding: 3px 8px; text-align: left; }
.suggestion:hover { background: #dcfce7; }
.suggestion[data-text]::before { content: attr(data-text); }
.badge.pending, .badge.empty, .badge.tooLong { color: #4b5563; }
.badge.tooLong { white-space: nowrap; font-weight: 500; }
.actions { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 4px; }
.answering .missing { color: #92400e; }
.answering { border-bottom: 1px solid #e5e7eb; padding-bottom: 6px; margin-bottom: 6px; }
.answering .source { font-weight: normal; color: #6b7280; }
.answering .answered::before { content: attr(data-text); }
.answering textarea { box-sizing: border-box; width: 100%; font: inherit; font-size: 13px; padding: 4px 6px; border: 1px solid #9ca3af; border-radius: 6px; resize: vertical; }
.link { border: 0; background: none; padding: 0; color: #1d4ed8; text-decoration: underline; font-size: 12px; }
.close { border: 0; background: none; font-size: 20px; line-height: 1; color: #374151; }
.cues { margin-top: 8px; color: #166534; }
.repeats { margin: 0 0 8px; padding: 6px 8px; border-radius: 6px; background: #fef3c7; color: #78350f; }
.notice { background: #fef3c7; border-radius: 6px; padding: 6px 8px; }
.empty { color: #166534; }
.prepost .issues li { padding: 4px 0; }
.row { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
.row button { border-radius: 6px; padding: 5px 12px; border: 1px solid #9ca3af; background: #fff; }
.row .primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
@media (prefers-color-scheme: dark) {
  .badge, .panel { background: #111827; color: #f3f4f6; border-color: #374151; }
  h3, .why, .sev { color: #d1d5db; } .link { color: #93c5fd; }
  .suggestion { background: #052e16; color: #bbf7d0; } .row button { background: #1f2937; color: #f3f4f6; }
  .notice { background: #451a03; }
}
`;
