// What the portal's browser tests share: a dev node, the portal served
// from explorer/dist, Debian's Chromium with the test wallet, and pages
// ("desks") acting as the demo world's people.

import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';

import { serve } from '../../explorer/serve.mjs';
import { startDevNode } from './node.js';
import { actAs, injectTestWallet } from './test-wallet.js';

const CHROMIUM = process.env.CIVITAS_CHROMIUM ?? '/usr/bin/chromium';
/** Where the tests save their screenshots (docs/ shows some of them). */
export const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Starts a dev node (with `nodeArgs`), serves the portal and opens
 * Chromium with the test wallet (`wallet`: options of `injectTestWallet`).
 * `page` is the first desk; every uncaught page error lands in
 * `pageErrors`. `close()` stops all of it.
 */
export async function startPortal({ nodeArgs = [], wallet = {} } = {}) {
  await cryptoWaitReady();
  await mkdir(SHOTS, { recursive: true });
  const node = await startDevNode({ extraArgs: nodeArgs });
  const portal = { node, pageErrors: [] };
  try {
    portal.api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    portal.keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve']
      .map((name) => [name, keyring.addFromUri(`//${name}`)]));
    portal.site = await serve(0);
    portal.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    portal.browserContext = await portal.browser.newContext({ acceptDownloads: true });
    await injectTestWallet(portal.browserContext, portal.api, portal.keys, wallet);
    portal.page = await portal.browserContext.newPage();
    portal.page.on('pageerror', (error) => portal.pageErrors.push(error.message));
  } catch (error) {
    await close(portal);
    throw error;
  }

  /** Opens the portal at `fragment` on `on` (the first desk by default), and waits for it to render. */
  portal.open = async (fragment, on = portal.page) => {
    await on.goto(`${portal.site.url}?rpc=${encodeURIComponent(node.wsUrl)}${fragment}`);
    // Only the fragment may have changed, which does not reload the page:
    // wait until the portal says it shows this one.
    await on.waitForFunction((shown) => document.body.dataset.rendered === shown, fragment, { timeout: 60_000 });
  };

  /** A page of its own at `fragment`, acting as `name` (another person, at another desk). */
  portal.deskOf = async (name, fragment) => {
    const desk = await portal.browserContext.newPage();
    desk.on('pageerror', (error) => portal.pageErrors.push(`${name}: ${error.message}`));
    await portal.open(fragment, desk);
    await actAs(desk, name);
    return desk;
  };

  portal.close = () => close(portal);
  return portal;
}

/** Stops what `startPortal` started, whatever it got to. */
async function close({ browser, site, api, node }) {
  await browser?.close();
  await site?.close();
  await api?.disconnect();
  await node?.stop();
}
