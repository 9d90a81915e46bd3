/** Share a case as a link (content in the URL fragment), save it as a PNG, print it as a handout. */
import { useState } from 'preact/hooks';
import type { ST } from '../i18n.js';
import { picturesToPng, type Picture } from '../png.js';
import { encodeShared, type Shared } from '../share.js';

export function CaseTools({ t, shared, pictures }: { t: ST; shared: Shared; pictures: Picture[] }) {
  const [status, setStatus] = useState<string | null>(null);
  const share = async () => {
    const url = `${location.href.split('#')[0]}#share=${await encodeShared(shared)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('shared'));
    } catch {
      setStatus(t('shareFailed'));
    }
  };
  const png = async () => {
    const blob = await picturesToPng(pictures, t('title'));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'human-tone.png';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <div class="tools no-print">
      <button type="button" onClick={() => void share()}>
        {t('share')}
      </button>
      <button type="button" onClick={() => void png()}>
        {t('png')}
      </button>
      <button type="button" onClick={() => window.print()}>
        {t('print')}
      </button>
      {status && (
        <p role="status" class="status">
          {status}
        </p>
      )}
    </div>
  );
}
