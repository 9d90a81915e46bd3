/** What a flag says, the same in the coach's panel and the selection check: the words, how serious, the message, why. */
import type { Flag } from '../../engine/types.js';
import type { T } from '../../shared/i18n.js';

export function FlagText({ flag, t }: { flag: Flag; t: T }) {
  return (
    <>
      <p class="quote">
        “{flag.text}” <span class="sev">{t(`sev_${flag.severity}`)}</span>
      </p>
      <p class="message">{flag.message}</p>
      <p class="why">
        <span>{t('why')}:</span> {flag.why}
      </p>
    </>
  );
}
