/**
 * The worker's side of the canned-o-meter and progress: fingerprints a reply (never storing its
 * text), counts how often almost the same reply was posted, and records each posted reply. Storage
 * and the clock are passed in, so this runs in Node tests with a fake store and fixed days.
 */
import type { Result } from '../engine/types.js';
import { fingerprint } from '../report/fingerprint.js';
import { addTemplate, recordPost, repeatsOf, type History, type Repeats } from '../shared/history.js';

export interface HistoryStore {
  load(): Promise<History>;
  save(history: History): Promise<void>;
  /** Today's day number (src/shared/history.ts dayOf). */
  today(): number;
}

export class ReplyHistory {
  private cached: Promise<History> | null = null;
  /** Writes one after another, so two posts in quick succession both count. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: HistoryStore) {}

  /** The stored history changed elsewhere (the options page cleared it): read it again next time. */
  invalidate(): void {
    this.cached = null;
  }

  private load(): Promise<History> {
    this.cached ??= this.store.load().catch((e: unknown) => {
      this.cached = null;
      throw e;
    });
    return this.cached;
  }

  /** Earlier posts almost the same as `text`; null when the reply is too short to tell. */
  async repeats(text: string, author?: string): Promise<Repeats | null> {
    const history = await this.load();
    const fp = fingerprint(text, history.salt, author);
    return fp ? repeatsOf(history, fp, this.store.today()) : null;
  }

  /** Records a posted reply with its result: its fingerprint and the day's numbers. */
  posted(text: string, result: Result, author?: string): Promise<void> {
    const step = this.writing.then(async () => {
      const history = await this.load();
      const fp = fingerprint(text, history.salt, author);
      const next = recordPost(history, { fp, score: result.score, verdict: result.verdict, categories: result.flags.map((f) => f.category) }, this.store.today());
      await this.store.save(next);
      this.cached = Promise.resolve(next);
    });
    this.writing = step.catch(() => undefined);
    return step;
  }

  /**
   * Registers team templates (a policy guide's) by name, replacing one of the same name: only their
   * fingerprints are kept. In the same queue as the posts; nothing is written when nothing changed.
   */
  templates(list: readonly { name: string; text: string }[]): Promise<void> {
    const step = this.writing.then(async () => {
      const history = await this.load();
      let next = history;
      for (const t of list) {
        const fp = fingerprint(t.text, history.salt);
        if (fp) next = addTemplate(next, t.name, fp);
      }
      if (JSON.stringify(next.templates) === JSON.stringify(history.templates)) return;
      await this.store.save(next);
      this.cached = Promise.resolve(next);
    });
    this.writing = step.catch(() => undefined);
    return step;
  }
}
