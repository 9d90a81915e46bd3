/** Content script entry. Injected by the manifest on supported sites, and on the sites the person turns on. */
import { startCoach } from './coach.js';

const KEY = '__humanToneCoach';
const w = window as unknown as Record<string, unknown>;
if (!w[KEY]) {
  w[KEY] = true;
  void startCoach().catch(() => {
    // The extension went away while starting: nothing to clean up yet.
  });
}
