// The council page of the portal, used by the dev chain's council (Alice,
// Bob, Charlie) each at their own desk with a wallet: Alice puts the
// approval of a contract program to a vote (its code hash computed in the
// browser), Alice and Bob vote aye, Dave (no seat) can neither propose nor
// vote but closes the carried motion and releases Alice's deposit; the code
// is then approved on chain. Then the validator forms: an account without
// session keys is refused before anything is sent, and a removal is put to
// a vote with the two-thirds threshold.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { keccakAsHex } from '@polkadot/util-crypto';

import { SHOTS, startPortal } from '../lib/portal.js';
import { act, actAs, reload } from '../lib/test-wallet.js';

/** A stand-in program: only its hash matters to the council. */
const PROGRAM = Buffer.from('a reviewed funding-conditions program, build 2');

describe('the portal\'s council page', () => {
  let portal;

  before(async () => {
    portal = await startPortal();
  });

  after(async () => {
    await portal?.close();
  });

  test('a motion is put, voted by two of three seats, closed by anyone, and its deposit released; validator motions', async () => {
    const { api, page, open, deskOf, keys } = portal;
    const codeHash = keccakAsHex(PROGRAM);

    await open('#/council');
    assert.match(await page.textContent('main'), /Everyday decisions need 2 ayes of 3; runtime upgrades and changes of seats need 2\./);
    await actAs(page, 'Alice');
    const notice = await act(page, 'propose-approve-code', async (form) => {
      await form.locator('input[name="program"]').setInputFiles({ name: 'conditions.polkavm', mimeType: 'application/octet-stream', buffer: PROGRAM });
      // The page computes the hash from the file: wait until it shows it.
      const computed = form.locator('input[name="codeHash"]');
      for (let tries = 0; tries < 50 && await computed.inputValue() !== codeHash; tries += 1) await page.waitForTimeout(100);
      assert.equal(await computed.inputValue(), codeHash);
    });
    assert.match(notice, /^Done: “Approve contract code”, finalised in block 0x[0-9a-f]{64}\.$/);
    const [hash] = await api.query.council.proposals();
    const motion = page.locator('article[data-motion="0"]');
    assert.match(await motion.textContent(), /governance\.approveCode/);
    assert.match(await motion.textContent(), new RegExp(codeHash));
    assert.match(await motion.textContent(), /Needs2 ayes of 3 seats/);

    // Dave holds no seat: he may not propose or vote.
    const dave = await deskOf('Dave', '#/council');
    assert.match(await dave.textContent('main'), /This account holds no council seat/);
    assert.equal(await dave.locator('form[data-action="aye-0"]').count(), 0);
    assert.equal(await dave.locator('form[data-action="propose-admit"]').count(), 0);
    assert.equal(await dave.locator('form[data-action="close-0"]').count(), 0, 'not decided yet');

    // Alice and Bob vote aye, each at their own desk.
    const bob = await deskOf('Bob', '#/council');
    await Promise.all([act(page, 'aye-0'), act(bob, 'aye-0')]);
    const votes = (await api.query.council.voting(hash)).unwrap();
    assert.equal(votes.ayes.length, 2);
    await reload(page);
    await page.locator('article[data-motion="0"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}council.png` });

    // Anyone closes it now; the code is approved; anyone releases the deposit.
    await reload(dave);
    assert.match(await dave.textContent('article[data-motion="0"]'), /Carried: anyone may close it/);
    await act(dave, 'close-0');
    assert.ok((await api.query.governance.approvedCode(codeHash)).isSome, 'approved on chain');
    assert.match(await dave.textContent('main'), new RegExp(`Contract code the council approved.*${codeHash}`, 's'));
    const release = dave.locator('form[data-action^="release-"]');
    assert.match(await release.textContent(), new RegExp(`to ${keys.Alice.address}`));
    await act(dave, await release.getAttribute('data-action'));
    assert.ok((await api.query.council.costOf(hash)).isNone, 'the deposit was released');

    // Validators: the page lists them; adding an account without session
    // keys is refused in a sentence before anything is sent; removing one
    // is put to a vote with the two-thirds threshold.
    await reload(page);
    assert.match(await page.textContent('main'), new RegExp(`Validators \\(1\\).*${keys.Alice.address}`, 's'));
    const add = page.locator('form[data-action="propose-add-validator"]');
    await add.locator('input[name="validator"]').fill(keys.Eve.address);
    await add.locator('button[type="submit"]').click();
    await add.locator('.step.mismatch').waitFor();
    assert.match(await add.locator('.step').textContent(), /has not registered session keys/);
    await act(page, 'propose-remove-validator');
    const removal = page.locator('article[data-motion="1"]');
    assert.match(await removal.textContent(), /validators\.removeValidator/);
    assert.match(await removal.textContent(), /Needs2 ayes of 3 seats/);
    assert.deepEqual(portal.pageErrors, []);
  });
});
