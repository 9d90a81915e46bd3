/**
 * Runs Debian's Chromium or Firefox ESR with a real enterprise policy, without touching the machine's
 * /etc: a wrapper starts the browser in its own user and mount namespaces (`unshare -rm`, no root
 * needed) with an overlay on /etc whose upper layer holds chromium/policies/managed/human-tone.json
 * (Chromium) or firefox/policies/policies.json (Firefox). The browser reads it as it reads any policy
 * on Linux and gives the extension its "3rdparty" part in storage.managed (Chromium validates it
 * against the manifest's storage.managed_schema). Nothing outside the temporary directory changes,
 * and the overlay is gone when the browser exits.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './fixtures/harness.js';
import { FIREFOX_PATH } from './firefox-harness.js';

/** The id Chromium gives an unpacked extension: from the SHA-256 of its absolute path, digits 0-f as letters a-p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Why a policy cannot be set this way here (no user namespaces or no overlay), or null when it can. */
export function policyUnsupported(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'human-tone-policy-probe-'));
  try {
    mkdirSync(join(dir, 'up'));
    mkdirSync(join(dir, 'work'));
    const res = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t overlay overlay -o lowerdir=/etc,upperdir=${dir}/up,workdir=${dir}/work /etc`], { encoding: 'utf8' });
    return res.status === 0 ? null : `unshare/overlay not available: ${(res.stderr || res.error?.message || '').trim()}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PolicyBrowser {
  /** The wrapper to launch instead of the browser. */
  executablePath: string;
  /** Replaces the policy (the browser reads it at start). */
  write(policy: unknown): void;
  remove(): void;
}

/** A wrapper that runs `program` with /etc overlaid by the files `layout` writes under `upper` (paths as under /etc). */
function policyWrapper(program: string, files: (policy: unknown) => Record<string, unknown>): PolicyBrowser {
  const dir = mkdtempSync(join(tmpdir(), 'human-tone-policy-'));
  const upper = join(dir, 'up');
  mkdirSync(upper, { recursive: true });
  mkdirSync(join(dir, 'work'));
  const wrapper = join(dir, 'browser');
  writeFileSync(wrapper, `#!/bin/sh\nexec unshare -rm sh -c 'mount -t overlay overlay -o lowerdir=/etc,upperdir=${upper},workdir=${dir}/work /etc && exec "$0" "$@"' ${program} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    executablePath: wrapper,
    write(policy) {
      for (const [file, value] of Object.entries(files(policy))) {
        mkdirSync(dirname(join(upper, file)), { recursive: true });
        writeFileSync(join(upper, file), JSON.stringify(value, null, 2));
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium whose /etc/chromium/policies/managed holds the extension's policy, for the unpacked extension in `extensionDir`. */
export function policyChromium(extensionDir: string): PolicyBrowser {
  const id = unpackedExtensionId(extensionDir);
  return policyWrapper(CHROMIUM_PATH, (policy) => ({ 'chromium/policies/managed/human-tone.json': { '3rdparty': { extensions: { [id]: policy } } } }));
}

/** Firefox whose /etc/firefox/policies/policies.json gives the add-on `geckoId` its managed storage ("3rdparty" → "Extensions"). */
export function policyFirefox(geckoId: string): PolicyBrowser {
  return policyWrapper(FIREFOX_PATH, (policy) => ({ 'firefox/policies/policies.json': { policies: { '3rdparty': { Extensions: { [geckoId]: policy } } } } }));
}
