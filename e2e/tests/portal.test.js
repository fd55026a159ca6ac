// The portal (explorer/) in Debian's Chromium, driven by playwright-core,
// against a dev node: a payout is made over the API as in the payout
// story, and a partner's reading of it is checked through the browser:
// status, organisations, agreements, the agreement page with its payout
// turning finalised, the file and trail checks, the OCDS download, stable
// links, a phone's width and the keyboard; and a dispute raised with a
// wallet. Screenshots go to e2e/screenshots/ (docs/partner.md shows some
// of them). portal-wallet.test.js has the story told through the browser.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import {
  CIV, activateDemoAgreement, approvePool, submit, terms as demoTerms,
} from '../lib/demo-agreement.js';
import { document, invoice, reviewOf } from '../lib/evidence.js';
import { finalizedHeight, waitFor } from '../lib/node.js';
import { SHOTS, startPortal } from '../lib/portal.js';
import { act, actAs } from '../lib/test-wallet.js';

const DAY = 86_400_000;
/** The signed contract's bytes: the file whose SHA-256 the demo terms record. */
const CONTRACT_PDF = 'Tram line 3 concession contract, signed copy';

describe('the portal in a browser', () => {
  let portal;
  let node;
  let api;
  let keys;
  let page;
  let pageErrors;
  let open;
  let agreement;

  before(async () => {
    portal = await startPortal();
    ({ node, api, keys, page, pageErrors, open } = portal);
  });

  after(async () => {
    await portal?.close();
  });

  /** Fails, naming the widest element, if the page is wider than the 375 px viewport. */
  async function fitsPhone() {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const widest = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .map((element) => [element.getBoundingClientRect().right, `${element.tagName}.${element.className}`])
      .sort((a, b) => b[0] - a[0])[0]);
    assert.ok(width <= 375, `${await page.evaluate(() => window.location.hash)} is ${width} px wide; ${widest[1]} reaches ${widest[0]} px`);
  }

  test('a payout made on chain: agreement, pool, evidence, two verdicts', async () => {
    const now = Date.now();
    const approval = [
      { role: 'Verifier', count: 1, from: 'Verifiers' },
      { role: 'FinanceOfficer', count: 1, from: 'AnyParty' },
    ];
    agreement = await activateDemoAgreement(api, keys, {
      ...demoTerms,
      value: 1_000_000n * CIV,
      period: { start: now - 60 * DAY, end: now + 365 * DAY },
      milestones: [
        { amount: 300_000n * CIV, due: now + 30 * DAY, kind: 'Delivery', approval },
        { amount: 200_000n * CIV, due: now + 90 * DAY, kind: 'Delivery', approval },
      ],
    });
    const pool = (await api.query.pools.nextPoolId()).toNumber();
    const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 200;
    await submit(api, api.tx.pools.openPool(agreement, 500_000n * CIV, deadline, []), keys.Alice);
    await approvePool(api, keys, pool);
    await Promise.all([
      submit(api, api.tx.pools.pledge(pool, 350_000n * CIV), keys.Alice),
      submit(api, api.tx.pools.pledge(pool, 150_000n * CIV), keys.Bob),
    ]);
    const { events } = await submit(api, api.tx.disbursements.submitEvidence(agreement, 0,
      [document('PhysicalProgressReport', 'Section A: track laid', 'https://tramway.example/a/report.pdf')],
      [invoice('Invoice TB-2026-001', 300_000n * CIV)]), keys.Charlie);
    const { round, evidence } = reviewOf(api, events);
    await Promise.all([
      submit(api, api.tx.disbursements.approve(agreement, 0, round, evidence, 'Met', blake2AsHex('site visit')), keys.Eve),
      submit(api, api.tx.disbursements.approve(agreement, 0, round, evidence, 'Met', blake2AsHex('payment check')), keys.Alice),
    ]);
    assert.ok((await api.query.disbursements.milestones(agreement, 0)).unwrap().status.isPaid);
  });

  test('the status page shows the chain and its blocks, live', async () => {
    await open('#/');
    assert.equal(await page.textContent('dd >> nth=0'), 'Civitas Development');
    const best = await page.textContent('#best');
    assert.match(best, /^#\d+$/);
    await page.waitForFunction((before) => document.querySelector('#best').textContent !== before, best, { timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}status.png`, fullPage: true });
  });

  test('organisations and agreements are listed, and filtered by status and organisation', async () => {
    await open('#/organisations');
    assert.ok((await page.textContent('main table')).includes('Tramway Builders SA'));
    await open('#/agreements?stage=active');
    const row = page.locator(`main table a[href="#/agreements/${agreement}"]`);
    assert.equal(await row.count(), 1);
    await page.selectOption('select[name="organisation"]', '2');
    await page.waitForFunction(() => window.location.hash.includes('organisation=2'));
    await page.waitForSelector(`main table a[href="#/agreements/${agreement}"]`);
    assert.ok((await page.textContent('main table')).includes('private party'));
    await page.screenshot({ path: `${SHOTS}agreements.png`, fullPage: true });
    await page.selectOption('select[name="stage"]', 'completed');
    await page.waitForSelector('main >> text=No agreement matches.');
  });

  test('a payout\'s stable link shows it, its decision record, and its finality', async () => {
    await open(`#/agreements/${agreement}/payouts/0`);
    const payout = page.locator('#payout-0');
    assert.ok(await payout.isVisible(), `${await page.textContent('main')}\n${pageErrors.join('\n')}`);
    const shown = await payout.textContent();
    assert.match(shown, /Gross300,000 CIV/);
    assert.match(shown, /Retention15,000 CIV/);
    assert.match(shown, /Net paid285,000 CIV/);
    assert.match(shown, /matches the code hash the agreement names/);
    // The extrinsic is read from the block's events.
    await page.waitForFunction(() => /extrinsic \d+-\d+/.test(document.querySelector('#payout-0').textContent));
    const block = (await api.query.disbursements.disbursements(0)).unwrap().paidAt.toNumber();
    await waitFor('the payout finalised', async () => (await finalizedHeight(node.rpcUrl)) >= block);
    await page.waitForSelector('#payout-0 .badge.final', { timeout: 30_000 });
    assert.ok((await page.textContent('#milestone-0')).includes('met'));
    await payout.screenshot({ path: `${SHOTS}payout.png` });
    await page.screenshot({ path: `${SHOTS}agreement.png`, fullPage: true });
  });

  test('a dropped file is checked against its recorded hash in the browser', async () => {
    await open(`#/agreements/${agreement}`);
    const input = page.locator('#document-0 input[type=file]');
    await input.setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: Buffer.from(CONTRACT_PDF) });
    await page.waitForSelector('#document-0 .result.match');
    assert.match(await page.textContent('#document-0 .result'), /^Match: contract\.pdf/);
    await input.setInputFiles({ name: 'forged.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`${CONTRACT_PDF}.`) });
    await page.waitForSelector('#document-0 .result.mismatch');
    assert.match(await page.textContent('#document-0 .result'), /^Mismatch: forged\.pdf has SHA-256 0x[0-9a-f]{64}/);
    await page.locator('#document-0').screenshot({ path: `${SHOTS}file-check.png` });
  });

  test('the trail check recomputes the head in the browser; the OCDS package downloads', async () => {
    await open(`#/agreements/${agreement}`);
    await page.click('.trail-check button');
    await page.waitForSelector('.trail-check .result.match, .trail-check .result.mismatch', { timeout: 30_000 })
      .catch(async (error) => { throw new Error(`${error.message}: ${await page.textContent('.trail-check')} ${pageErrors}`); });
    const stored = (await api.query.auditTrail.trails(agreement)).unwrap();
    assert.equal(
      await page.textContent('.trail-check .result'),
      `Match: the ${stored.len.toNumber()} entries hash to the stored head ${stored.head.toHex()}.`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Download the OCDS release package'),
    ]);
    const pkg = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(pkg.releases.at(-1).ocid, `ocds-civdev-${agreement}`);
    assert.equal(pkg.releases.at(-1).contracts[0].implementation.transactions.length, 2);
  });

  test('a dispute raised in the browser freezes payouts and shows on the page', async () => {
    const desk = await portal.deskOf('Dave', `#/agreements/${agreement}`);
    await act(desk, 'dispute', async (form) => form.locator('textarea[name="statement"]').fill('Section B track gauge out of tolerance.'));
    const raised = (await api.query.disbursements.disputes(agreement)).unwrap();
    assert.equal(raised.reason.toHex(), blake2AsHex('Section B track gauge out of tolerance.'));
    await desk.waitForFunction(() => /^Open dispute raised by .+; payouts are frozen\.$/.test(
      document.querySelector('section[aria-labelledby="disputes"] p')?.textContent ?? ''));
    // A second is not offered while one is open.
    assert.equal(await desk.locator('form[data-action="dispute"]').count(), 0);
    await desk.close();
  });

  test('at 375 px nothing needs sideways scrolling, and the keyboard reaches the checks', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open(`#/agreements/${agreement}/milestones/0`);
    await fitsPhone();
    await page.screenshot({ path: `${SHOTS}agreement-375.png` });
    // The link's target has the focus; Tab goes on from there.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'milestone-0');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Milestone 1');
    // The skip link comes first in the tab order and moves the focus to the content.
    const first = await page.evaluate(() => [...document.querySelectorAll('a[href], button, input, select')]
      .find((element) => element.tabIndex >= 0).textContent);
    assert.equal(first, 'Skip to content');
    await page.focus('a.skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    // The checks are buttons and inputs: the keyboard works them.
    await page.focus('.trail-check button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.trail-check .result.match');

    // With a wallet: the wallet bar, the actions and the proposal form fit too.
    await actAs(page, 'Alice');
    await page.waitForSelector('form.action');
    await fitsPhone();
    await open('#/propose');
    await fitsPhone();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('an unknown agreement and an unreachable node are said in a sentence', async () => {
    await open('#/agreements/999999');
    assert.match(await page.textContent('main [role=alert]'), /^The node could not answer: no agreement 999999 at block #\d+$/);
    await page.goto(`${portal.site.url}?rpc=${encodeURIComponent('ws://127.0.0.1:9')}#/`);
    await page.waitForSelector('main [role=alert]', { timeout: 30_000 });
    assert.match(await page.textContent('main [role=alert]'), /^The node at ws:\/\/127\.0\.0\.1:9 does not answer/);
    // The page's text says nothing raw: no "[object", no "undefined".
    assert.doesNotMatch(await page.textContent('body'), /\[object|undefined/);
    assert.deepEqual(pageErrors, []);
  });
});
