/**
 * "Human Tone: I'm answering this": the context-menu item on a selection and the keyboard command,
 * as the worker wires them (the browser's menu and shortcut are mocked; the content side is tested in
 * test/e2e/editors.test.ts).
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { readSettings } from '../../src/shared/settings.js';

const sent: { tabId: number; message: unknown }[] = [];
let menus: Record<string, unknown>[] = [];
type Clicked = (info: { menuItemId: string; selectionText?: string }, tab?: { id?: number }) => void;
const clickListeners: Clicked[] = [];
const clicked: Clicked = (info, tab) => clickListeners.forEach((f) => f(info, tab));
let command: ((name: string, tab?: { id?: number }) => void) | null = null;
let frames: { result: unknown }[] = [];
const scripted: { target: unknown; files?: string[]; args?: unknown[] }[] = [];

vi.mock('../../src/platform/browser.js', () => ({
  ext: {
    runtime: { getManifest: () => ({ content_scripts: [{ js: ['src/content/main.js'], matches: ['https://x.com/*'] }] }), lastError: undefined },
    i18n: { getMessage: (key: string) => ({ menuAnswering: "Human Tone: I'm answering this", menuCheck: 'Check the tone of this text' })[key] ?? '' },
    contextMenus: {
      removeAll: async () => {
        menus = [];
      },
      create: (props: Record<string, unknown>, done: () => void) => {
        menus.push(props);
        done();
      },
      onClicked: { addListener: (f: Clicked) => clickListeners.push(f) },
    },
    commands: { onCommand: { addListener: (f: typeof command) => (command = f) } },
    scripting: {
      executeScript: async ({ target, files, args }: { target: { allFrames?: boolean }; files?: string[]; args?: unknown[] }) => {
        if (target.allFrames) return frames;
        scripted.push({ target, files, args });
        return [];
      },
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown) => {
        sent.push({ tabId, message });
        return { applied: true };
      },
    },
  },
  extensionAlive: () => true,
  clearLastError: () => undefined,
  listen: () => undefined,
}));

const { listenForAnswering, updateAnsweringMenu } = await import('../../src/background/answering.js');
listenForAnswering(async () => readSettings({ signature: 'Sanne' }));

beforeEach(() => {
  sent.length = 0;
  frames = [];
  scripted.length = 0;
});

const CHECK_ITEM = { id: 'human-tone-check', title: 'Check the tone of this text', contexts: ['selection'], documentUrlPatterns: ['https://*/*', 'http://*/*'] };

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Check the tone of this text', () => {
  test('the engine runs in the worker with the person\'s settings, then the panel is shown in the frame the text was selected in', async () => {
    const text = 'We apologize for any inconvenience.';
    clicked({ menuItemId: 'human-tone-check', selectionText: text, frameId: 4 } as never, { id: 9 });
    await settle();
    await settle();
    await settle();
    expect(scripted).toHaveLength(2);
    expect(scripted[0]).toEqual({ target: { tabId: 9, frameIds: [4] }, files: ['src/content/main.js'], args: undefined });
    const payload = scripted[1]!.args![0] as { text: string; result: { verdict: string; flags: { suggestions: string[] }[] } };
    expect(payload.text).toBe(text);
    expect(payload.result.verdict).not.toBe('human');
    expect(JSON.stringify(payload.result.flags)).toContain('Sanne');
  });
});

describe("Human Tone: I'm answering this", () => {
  test('the menu item is on selections, on the supported sites and the sites turned on, and nowhere when coaching is off', async () => {
    await updateAnsweringMenu(readSettings({ extraOrigins: ['https://console.webcare.test'] }));
    expect(menus).toEqual([
      { id: 'human-tone-answering', title: "Human Tone: I'm answering this", contexts: ['selection'], documentUrlPatterns: ['https://x.com/*', 'https://console.webcare.test/*'] },
      CHECK_ITEM,
    ]);
    // Coaching off: no "I'm answering this"; checking a selection stays available on any page.
    await updateAnsweringMenu(readSettings({ enabled: false }));
    expect(menus).toEqual([CHECK_ITEM]);
  });

  test('choosing it sends the selected text (spaces folded, at most 5,000 characters) to the tab', async () => {
    clicked({ menuItemId: 'human-tone-answering', selectionText: '  My order\n 66120 never came.  ' }, { id: 7 });
    await settle();
    expect(sent).toEqual([{ tabId: 7, message: { type: 'answering', text: 'My order 66120 never came.' } }]);
    sent.length = 0;
    clicked({ menuItemId: 'human-tone-answering', selectionText: 'x'.repeat(6000) }, { id: 7 });
    await settle();
    expect((sent[0]!.message as { text: string }).text).toHaveLength(5000);
  });

  test('other menu items, no tab or an empty selection send nothing', async () => {
    clicked({ menuItemId: 'something-else', selectionText: 'hello' }, { id: 7 });
    clicked({ menuItemId: 'human-tone-answering', selectionText: 'hello' }, {});
    clicked({ menuItemId: 'human-tone-answering', selectionText: '   ' }, { id: 7 });
    await settle();
    expect(sent).toEqual([]);
  });

  test('the keyboard command reads the selection from whichever frame holds it', async () => {
    frames = [{ result: '' }, { result: 'Nobody replies to my emails.' }];
    command!('answering-selection', { id: 3 });
    await settle();
    await settle();
    expect(sent).toEqual([{ tabId: 3, message: { type: 'answering', text: 'Nobody replies to my emails.' } }]);
    sent.length = 0;
    frames = [{ result: '' }];
    command!('answering-selection', { id: 3 });
    command!('another-command', { id: 3 });
    await settle();
    await settle();
    expect(sent).toEqual([]);
  });
});
