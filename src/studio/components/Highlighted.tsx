/** A reply with its flagged spans marked. Text goes in as text nodes only: it is never parsed as HTML. */
import type { Flag } from '../../engine/types.js';

export function Highlighted({ text, flags, current }: { text: string; flags: readonly Flag[]; current?: number | null }) {
  const parts = [];
  let pos = 0;
  flags.forEach((f, i) => {
    if (f.start > pos) parts.push(text.slice(pos, f.start));
    parts.push(
      <mark key={i} class={`hl ${f.category} ${f.severity}${current === i ? ' current' : ''}`} title={f.message} data-flag={i}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    pos = f.end;
  });
  if (pos < text.length) parts.push(text.slice(pos));
  return <p class="highlighted">{parts}</p>;
}
