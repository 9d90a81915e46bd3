/** The message being answered and its author's name: the same two fields above every case. */
import type { ST } from '../i18n.js';

export interface MessageValue {
  context: string;
  author: string;
}

export function MessageFields<V extends MessageValue>({ t, value, onChange, rows }: { t: ST; value: V; onChange(next: V): void; rows: number }) {
  return (
    <>
      <label>
        {t('context')}
        <textarea rows={rows} value={value.context} placeholder={t('contextPlaceholder')} onInput={(e) => onChange({ ...value, context: (e.target as HTMLTextAreaElement).value })} />
      </label>
      <label class="narrow">
        {t('author')}
        <input type="text" value={value.author} onInput={(e) => onChange({ ...value, author: (e.target as HTMLInputElement).value })} />
      </label>
    </>
  );
}
