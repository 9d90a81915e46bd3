/** The lifeline: a content script notices that its extension went away, once, and never polls while the port is open. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

let alive = true;
let ports: { name: string; disconnectListeners: (() => void)[]; disconnected: boolean }[] = [];

vi.mock('../../src/platform/browser.js', () => ({
  ext: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        if (!alive) throw new Error('Extension context invalidated.');
        const port = { name, disconnectListeners: [] as (() => void)[], disconnected: false };
        ports.push(port);
        return {
          name,
          onDisconnect: { addListener: (f: () => void) => port.disconnectListeners.push(f) },
          disconnect: () => (port.disconnected = true),
        };
      },
    },
  },
  extensionAlive: () => alive,
  clearLastError: () => undefined,
  listen: () => undefined,
}));

const { keepLifeline, LIFELINE_POLL_MS } = await import('../../src/platform/messaging.js');

function drop(i: number): void {
  for (const f of ports[i]!.disconnectListeners) f();
}

beforeEach(() => {
  vi.useFakeTimers();
  alive = true;
  ports = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('lifeline', () => {
  test('the extension goes away: the port drops, the context dies a moment later, onLost runs once within a second', () => {
    const onLost = vi.fn();
    keepLifeline(new AbortController().signal, onLost);
    expect(ports).toHaveLength(1);
    drop(0); // the context is still valid when the port drops
    expect(onLost).not.toHaveBeenCalled();
    alive = false;
    vi.advanceTimersByTime(LIFELINE_POLL_MS);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(LIFELINE_POLL_MS).toBeLessThan(1000);
    vi.advanceTimersByTime(10 * LIFELINE_POLL_MS);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  test('the worker only stopped: no onLost; the port opens again after the worker answers, and the polling stops', () => {
    const onLost = vi.fn();
    const line = keepLifeline(new AbortController().signal, onLost);
    drop(0);
    vi.advanceTimersByTime(5 * LIFELINE_POLL_MS);
    expect(onLost).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    line.reconnect();
    expect(ports).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    line.reconnect(); // already open: no second port
    expect(ports).toHaveLength(2);
  });

  test('stopping the coach closes the port and leaves no timer', () => {
    const abort = new AbortController();
    const onLost = vi.fn();
    keepLifeline(abort.signal, onLost);
    drop(0);
    expect(vi.getTimerCount()).toBe(1);
    abort.abort();
    expect(vi.getTimerCount()).toBe(0);
    alive = false;
    vi.advanceTimersByTime(5 * LIFELINE_POLL_MS);
    expect(onLost).not.toHaveBeenCalled();
  });

  test('already gone when starting: onLost at once, no port', () => {
    alive = false;
    const onLost = vi.fn();
    keepLifeline(new AbortController().signal, onLost);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(ports).toHaveLength(0);
  });
});
