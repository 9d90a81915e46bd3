/** A site adapter is data: where the reply boxes are, what they answer, and how the site posts. */

/** The stored form (taught rules, team guides) is validated by ContextRuleSchema in src/shared/site-context.ts. */
export interface ContextRule {
  /** Find the message answered in an ancestor of the box ("closest") or the nearest element before it ("preceding"). */
  closest?: string;
  preceding?: string;
  /**
   * Within that element: the message text, and its author's display name. A `text` of `:scope` names
   * the container itself (the container is the message: a rule taught on a page may need it).
   */
  text: string;
  author?: string;
}

export type SubmitKey = 'mod-enter' | 'enter';

export interface SiteAdapter {
  id: string;
  name: string;
  /** Host names this adapter serves (a host matches itself and its subdomains). */
  hosts: string[];
  /**
   * The manifest's match patterns for this site (host permissions and the content script), each on one
   * of `hosts`. Both builds' manifests take their site list from here (scripts/manifest.ts).
   */
  matches?: readonly string[];
  /** For software that runs on any host (Mastodon): a selector that is present on its pages. */
  signature?: string;
  /** Selectors of reply boxes: contenteditable elements or textareas. */
  boxes: string[];
  context: ContextRule[];
  /** Selectors of the site's post buttons; the nearest one to the box is used. */
  postButtons: string[];
  /** Keys that post from inside the box. */
  submitKeys: SubmitKey[];
}
