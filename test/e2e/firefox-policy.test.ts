/**
 * A team guide set by a real Firefox enterprise policy (policies.json "3rdparty" → "Extensions" →
 * the add-on id; see ./policy.ts): the Firefox build reads it from storage.managed (Firefox has no
 * managed schema) and its rules coach a reply. Skipped without Firefox, or where user namespaces or
 * overlay mounts are not available (REQUIRE_POLICY=1 makes that a failure).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_URLS } from './fixtures/harness.js';
import { FIREFOX_OWN_HOST, FIREFOX_PATH, startFirefox, type FirefoxWithExtension } from './firefox-harness.js';
import { policyFirefox, policyUnsupported, type PolicyBrowser } from './policy.js';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist-firefox');
const unsupported = existsSync(FIREFOX_PATH) ? policyUnsupported() : `no Firefox at ${FIREFOX_PATH}`;
const policyValue = (JSON.parse(readFileSync(join(root, 'docs/examples/firefox-policies.json'), 'utf8')) as any).policies['3rdparty'].Extensions['human-tone@human-tone'];

describe.skipIf(unsupported !== null && process.env.REQUIRE_POLICY !== '1')('team guide by Firefox policy', () => {
  let ff: FirefoxWithExtension;
  let policy: PolicyBrowser;
  beforeAll(async () => {
    if (unsupported) throw new Error(unsupported);
    if (!existsSync(join(dist, 'manifest.json'))) execFileSync('npm', ['run', 'build:ext'], { cwd: root, stdio: 'ignore' });
    policy = policyFirefox('human-tone@human-tone');
    // The documented example policy, as it is.
    policy.write(policyValue);
    ff = await startFirefox(dist, { executablePath: policy.executablePath });
  });
  afterAll(async () => {
    await ff?.close();
    policy?.remove();
  });

  test("the documented policies.json: the policy guide's rule flags in a reply box, and nothing leaves the browser", async () => {
    const page = await ff.newPage();
    await page.goto(FIXTURE_URLS.xStatus);
    await page.waitForFunction(() => !!window.__fixture, { timeout: 15_000 });
    const box = await page.evaluate(() => window.__fixture!.selector);
    await page.waitForSelector('human-tone-coach', { timeout: 15_000 });
    await page.click(box);
    await page.keyboard.type('We are sorry your journey experience was not as expected.', { delay: 5 });
    await page.waitForFunction(
      () => {
        for (const [name, h] of CSS.highlights as unknown as Map<string, Set<Range>>) {
          if (name.startsWith('human-tone-')) for (const r of h) if (r.toString().toLowerCase().includes('journey experience')) return true;
        }
        return false;
      },
      { timeout: 15_000 },
    );
    await page.close();
    expect(ff.unrouted).toEqual([]);
    // Firefox's own remote-settings requests go to a host that does not exist (see firefox-harness.ts).
    expect(ff.proxied.filter((r) => !r.includes(`//${FIREFOX_OWN_HOST}/`))).toEqual([]);
  });
});
