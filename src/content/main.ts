/**
 * Content script entry. Injected by the manifest on supported sites, on the sites the person turns
 * on, and by the service worker into tabs already open when the extension is installed or updated.
 * One coach per page: a second injection into the same script world finds the first one running and
 * leaves it be, unless it has stopped (its extension went away), in which case it takes over.
 */
import { startCoach, type PageCoach } from './coach.js';
import { showCheck } from './check.js';

const KEY = '__humanToneCoach';
interface Running {
  coach: PageCoach | null;
  starting: boolean;
}
const w = window as unknown as Record<string, Running | undefined>;
const running = w[KEY];
if (!running || (!running.starting && (!running.coach || running.coach.isStopped))) {
  const mine: Running = { coach: null, starting: true };
  w[KEY] = mine;
  startCoach().then(
    (coach) => {
      mine.coach = coach;
      mine.starting = false;
    },
    () => {
      // The extension went away while starting: nothing to clean up yet.
      mine.starting = false;
    },
  );
}

/**
 * "Check the tone of this text" (context menu, on any page): the worker injects this script into the
 * frame the text was selected in (the menu click grants it that tab, activeTab) and then calls this
 * function, in this script's own world (the page cannot see or call it), with the engine's result.
 */
(globalThis as unknown as { __humanToneCheck?: typeof showCheck }).__humanToneCheck = showCheck;
