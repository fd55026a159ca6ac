// The portal's story told through the browser, by the demo world's people
// each at their own desk with a wallet (a test-only extension signing with
// the dev keys): Northbridge proposes an agreement with the form, every
// party signs the hash the portal recomputed, the pool is opened, approved
// and pledged until it commits, the partner's evidence is refused once in
// a sentence and then accepted, the verifier and a co-funder approve it,
// the payout is shown and then finalised, the partner's checks pass, every
// party accepts the works finally and the escrow is settled.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CIV } from '../lib/demo-agreement.js';
import { deployConditions, openConditions } from '../lib/conditions-contract.js';
import { rpc } from '../lib/node.js';
import { SHOTS, startPortal } from '../lib/portal.js';
import { act, actAs, injectTestWallet, proposeInPortal, reload } from '../lib/test-wallet.js';

/** The document the agreement records. */
const DEPOT_PDF = 'Tram line 3 depot extension, signed copy';

describe('the portal with a wallet', () => {
  let portal;
  let node;
  let api;
  let keys;
  let page;
  let open;
  let deskOf;

  before(async () => {
    portal = await startPortal();
    ({ node, api, keys, page, open, deskOf } = portal);
  });

  after(async () => {
    await portal?.close();
  });

  test('through the browser: propose, every party signs, the pool commits, evidence, approvals, payout finalised', async () => {
    // Northbridge's finance officer deploys the agreement's funding-conditions
    // contract from the approved reference code (docs/contracts.md).
    const next = (await api.query.agreements.nextAgreementId()).toNumber();
    const { address } = await deployConditions(api, keys.Alice, openConditions(next));

    // Northbridge's signatory proposes it with the form; a value below the
    // milestones' sum is refused, in a sentence from the runtime's docs.
    await open('#/propose');
    await actAs(page, 'Alice');
    await assert.rejects(proposeInPortal(page, {
      title: 'Tram line 3: depot extension', contract: address, document: DEPOT_PDF, value: '100,000',
      screenshot: `${SHOTS}propose.png`,
    }), /MilestonesExceedValue/);
    const form = page.locator('form[data-action="propose"]');
    assert.match(await form.locator('.fee').textContent(), /^Estimated fee: [\d,.]+ CIV\.$/);
    assert.equal(await form.locator('.step').textContent(),
      'Not done: The milestones sum to more than the total value. (agreements.MilestonesExceedValue)');
    await form.locator('.progress').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}refused.png` });
    const notice = await act(page, 'propose', async () => form.locator('input[name="value"]').fill('400,000'));
    assert.match(notice, /^Done: “New agreement proposed by City of Northbridge”, finalised in block 0x[0-9a-f]{64}\. Open it$/);
    await page.click('#notice a');
    await page.waitForFunction((shown) => document.body.dataset.rendered === shown, `#/agreements/${next}`);
    const proposed = (await api.query.agreements.versions(next, 0)).unwrap();
    assert.equal(proposed.terms.value.toBigInt(), 400_000n * CIV);
    assert.equal(proposed.terms.retention.toNumber(), 40_000);
    assert.deepEqual(proposed.terms.verifiers.map((v) => v.toNumber()), [4]);

    // Every party signs at its own desk, shown the hash it signs.
    const link = `#/agreements/${next}`;
    const desks = { Alice: page };
    for (const name of ['Charlie', 'Bob']) desks[name] = await deskOf(name, link);
    const sign = desks.Charlie.locator('form[data-action="sign-0"]');
    await sign.waitFor();
    assert.equal(await sign.locator('code').textContent(), proposed.termsHash.toHex());
    assert.match(await sign.textContent(), /Recomputed in this browser from the terms as stored: it matches\./);
    await sign.screenshot({ path: `${SHOTS}sign.png` });
    await Promise.all(['Alice', 'Charlie', 'Bob'].map((name) => act(desks[name], 'sign-0')));
    assert.ok((await api.query.agreements.agreements(next)).unwrap().status.isActive);

    // The pool: opened by Northbridge, approved by the others, pledged in full.
    await act(page, 'open-pool', async (form) => form.locator('input[name="target"]').fill('250000'));
    await Promise.all(['Charlie', 'Bob'].map(async (name) => {
      await reload(desks[name]);
      await act(desks[name], 'approve-pool');
    }));
    await reload(page);
    await act(page, 'pledge', async (form) => form.locator('input[name="amount"]').fill('250000'));
    await page.waitForSelector('main >> text=committed');

    // The partner's evidence: files hashed in the browser.
    await reload(desks.Charlie);
    await act(desks.Charlie, 'evidence-0', async (evidence) => {
      await evidence.locator('input[name="document"]').setInputFiles({ name: 'depot-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Depot: slab poured') });
      await evidence.locator('input[name="uri"]').fill('https://tramway.example/depot/report.pdf');
      await evidence.locator('input[name="invoice"]').setInputFiles({ name: 'invoice-depot.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Invoice TB-2026-077') });
      await evidence.locator('input[name="invoiceAmount"]').fill('250000');
    });
    const stored = (await api.query.disbursements.milestones(next, 0)).unwrap();
    assert.equal(stored.evidence.invoices[0].amount.toBigInt(), 250_000n * CIV);

    // The engineers' verifier and Southport's finance officer approve; it pays.
    desks.Eve = await deskOf('Eve', link);
    await reload(desks.Bob);
    await Promise.all(['Eve', 'Bob'].map((name) => act(desks[name], 'verdict-0', async (form) => {
      await form.locator('select[name="verdict"]').selectOption('Met');
      await form.locator('textarea[name="note"]').fill(`${name}: checked on site`);
    })));
    assert.ok((await api.query.disbursements.milestones(next, 0)).unwrap().status.isPaid);
    const payout = (await api.query.disbursements.nextDisbursementId()).toNumber() - 1;
    await open(`#/agreements/${next}/payouts/${payout}`);
    assert.match(await page.textContent(`#payout-${payout}`), /Gross250,000 CIV/);
    await page.waitForSelector(`#payout-${payout} .badge.final`, { timeout: 60_000 });

    // The partner's checks on the new agreement.
    const file = page.locator('#document-0 input[type=file]');
    await file.setInputFiles({ name: 'depot.pdf', mimeType: 'application/pdf', buffer: Buffer.from(DEPOT_PDF) });
    await page.waitForSelector('#document-0 .result.match');
    await file.setInputFiles({ name: 'other.pdf', mimeType: 'application/pdf', buffer: Buffer.from('another file') });
    await page.waitForSelector('#document-0 .result.mismatch');
    await page.click('.trail-check button');
    await page.waitForSelector('.trail-check .result.match', { timeout: 30_000 });

    // A rogue wallet returns another call than the one shown (a transfer
    // to Eve): the portal refuses to send it, and says why.
    const rogue = await page.context().browser().newContext();
    await injectTestWallet(rogue, api, keys, {
      replaceCall: api.tx.balances.transferKeepAlive(keys.Eve.address, 1_000n * CIV).method.toHex(),
    });
    const rogueDesk = await rogue.newPage();
    await open(link, rogueDesk);
    await actAs(rogueDesk, 'Bob');
    const nonce = (await api.rpc.system.accountNextIndex(keys.Bob.address)).toNumber();
    const dispute = rogueDesk.locator('form[data-action="dispute"]');
    await dispute.locator('textarea[name="statement"]').fill('Rogue wallet test');
    await dispute.locator('button[type="submit"]').click();
    await dispute.locator('.step.mismatch').waitFor({ timeout: 60_000 });
    assert.equal(await dispute.locator('.step').textContent(),
      'Not done: the wallet returned a transaction with another call than the one shown here; nothing was sent. Check your wallet extension.');
    assert.equal((await api.rpc.system.accountNextIndex(keys.Bob.address)).toNumber(), nonce, 'nothing was sent');
    await rogue.close();

    // Final acceptance: every party consents, then anyone settles.
    await Promise.all(['Alice', 'Charlie', 'Bob'].map(async (name) => {
      await reload(desks[name]);
      await act(desks[name], 'complete');
    }));
    assert.ok((await api.query.agreements.agreements(next)).unwrap().status.isCompleted);
    let steps = 0;
    while (await page.locator('form[data-action="settle"]').count() > 0 && steps++ < 5) await act(page, 'settle');
    const { result: funding } = await rpc(node.rpcUrl, 'civitas_funding', [next]);
    assert.ok(funding.ledger.settlement?.completed, JSON.stringify(funding.ledger));
    for (const desk of Object.values(desks)) if (desk !== page) await desk.close();
  });

  test('nothing went wrong in the pages', () => {
    assert.deepEqual(portal.pageErrors, []);
  });
});
