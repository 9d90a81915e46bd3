/**
 * Runs Debian's Chromium with a real enterprise policy, without touching the machine's /etc: a
 * wrapper starts Chromium in its own user and mount namespaces (`unshare -rm`, no root needed) with
 * an overlay on /etc whose upper layer holds chromium/policies/managed/human-tone.json. Chromium reads
 * it as it reads any managed policy on Linux, and gives the extension its "3rdparty" part in
 * storage.managed, validated against the manifest's storage.managed_schema. Nothing outside the
 * temporary directory changes, and the overlay is gone when Chromium exits.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH } from './fixtures/harness.js';

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

export interface PolicyChromium {
  /** The wrapper to launch instead of Chromium. */
  executablePath: string;
  /** Replaces the policy (Chromium reads it at start). */
  write(policy: unknown): void;
  remove(): void;
}

/** A Chromium wrapper whose /etc/chromium/policies/managed holds the extension's policy, for the unpacked extension in `extensionDir`. */
export function policyChromium(extensionDir: string): PolicyChromium {
  const dir = mkdtempSync(join(tmpdir(), 'human-tone-policy-'));
  const managed = join(dir, 'up', 'chromium', 'policies', 'managed');
  mkdirSync(managed, { recursive: true });
  mkdirSync(join(dir, 'work'));
  const wrapper = join(dir, 'chromium');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec unshare -rm sh -c 'mount -t overlay overlay -o lowerdir=/etc,upperdir=${dir}/up,workdir=${dir}/work /etc && exec "$0" "$@"' ${CHROMIUM_PATH} "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  const id = unpackedExtensionId(extensionDir);
  return {
    executablePath: wrapper,
    write(policy) {
      writeFileSync(join(managed, 'human-tone.json'), JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }, null, 2));
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
