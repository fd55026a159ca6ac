// A test-only wallet extension for the portal's browser tests, and the
// steps a person takes with it in the portal: choose an account, fill in
// an action's form, send it, wait until it is finalised.

/**
 * Installs in every page of `browserContext` a `window.injectedWeb3`
 * entry, as polkadot.js, Talisman and SubWallet inject, whose signer asks
 * this process to sign the payload with the dev keys (@polkadot/keyring),
 * the way an extension signs; the portal goes through its real extension
 * path (@polkadot/extension-dapp).
 *
 * With `metadataHash` (0x-hex) it signs as Ledger's generic app does: it
 * turns the metadata-hash extension on (`CheckMetadataHash`, mode 1),
 * signs over that hash, and returns the whole signed transaction. With
 * `replaceCall` (an encoded call) it is a rogue wallet: it signs and
 * returns that call instead of the one it was asked to sign.
 */
export async function injectTestWallet(browserContext, api, keys, { metadataHash, replaceCall } = {}) {
  await browserContext.exposeFunction('civitasTestSign', (payload) => {
    const pair = Object.values(keys).find((key) => key.address === payload.address);
    if (!metadataHash && !replaceCall) {
      const extrinsicPayload = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
      return { id: 1, signature: extrinsicPayload.sign(pair).signature };
    }
    const signed = { ...payload, ...(metadataHash ? { mode: 1, metadataHash } : {}), ...(replaceCall ? { method: replaceCall } : {}) };
    const extrinsicPayload = api.registry.createType('ExtrinsicPayload', signed, { version: payload.version });
    const { signature } = extrinsicPayload.sign(pair);
    const transaction = api.registry.createType('Extrinsic', { method: signed.method }, { version: payload.version });
    transaction.addSignature(payload.address, signature, signed);
    return { id: 1, signature, signedTransaction: transaction.toHex() };
  });
  const accounts = Object.entries(keys).map(([name, key]) => ({ address: key.address, name, type: 'sr25519' }));
  await browserContext.addInitScript((offered) => {
    window.injectedWeb3 = {
      'civitas-test': {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: async () => offered, subscribe: (callback) => { callback(offered); return () => {}; } },
          signer: { signPayload: (payload) => window.civitasTestSign(payload) },
        }),
      },
    };
  }, accounts);
}

/** Chooses `name` in the portal's wallet bar of `page` (connecting first if needed). */
export async function actAs(page, name) {
  if (await page.locator('select[name="account"]').count() === 0) await page.click('.wallet button');
  const select = page.locator('select[name="account"]');
  await select.waitFor();
  const value = await select.locator('option', { hasText: new RegExp(`^${name}$`) }).getAttribute('value');
  await select.selectOption(value);
  await page.waitForFunction((who) => document.querySelector('.wallet .acting')?.textContent.startsWith(`Acting as ${who} `), name);
  // The page is read again for the account: wait until it is drawn.
  await page.waitForFunction(() => document.body.dataset.rendering === undefined, null, { timeout: 60_000 });
}

/**
 * Sends the action form `name` on `page` (after `fill` filled it in) and
 * waits until the portal says it is finalised; fails with what the form
 * said otherwise. Resolves to the portal's notice.
 */
export async function act(page, name, fill = async () => {}) {
  const form = page.locator(`form[data-action="${name}"]`);
  await form.waitFor({ timeout: 30_000 });
  await fill(form);
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector(`#notice [data-action="${name}"], form[data-action="${name}"] .step.mismatch`, { timeout: 120_000 });
  const refused = await page.locator(`form[data-action="${name}"] .step.mismatch`).count();
  if (refused) throw new Error(`${name}: ${await form.locator('.step').textContent()}`);
  // Once done, the portal reads the page anew: what follows sees the new one.
  await page.waitForFunction(() => document.body.dataset.rendering === undefined, null, { timeout: 60_000 });
  return page.textContent(`#notice [data-action="${name}"]`);
}

const DAY = 86_400_000;

/**
 * Proposes, on `page` (at `#/propose`, acting as Northbridge's signatory),
 * an agreement between Northbridge (public authority), Tramway Builders
 * (private party) and Southport (funder): `value` (400 000) for a year, one milestone
 * of 250 000 due in 60 days approved by a verifier of the engineers and a
 * party's finance officer, 4 % retention, the `document` file, and the
 * funding-conditions `contract`. Resolves to the portal's notice.
 */
export async function proposeInPortal(page, { title, contract, document, value = '400,000', screenshot }) {
  const now = Date.now();
  const day = (offset) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  return act(page, 'propose', async (form) => {
    await form.locator('input[name="title"]').fill(title);
    const parties = form.locator('.rows >> nth=0').locator('.row');
    await parties.nth(1).locator('select[name="party"]').selectOption('2');
    await parties.nth(1).locator('select[name="role"]').selectOption('PrivateParty');
    await form.locator('button', { hasText: 'Add a party' }).click();
    await parties.nth(2).locator('select[name="party"]').selectOption('1');
    await parties.nth(2).locator('select[name="role"]').selectOption('Funder');
    await form.locator('input[name="value"]').fill(value);
    await form.locator('input[name="start"]').fill(day(-30));
    await form.locator('input[name="end"]').fill(day(365));
    const milestone = form.locator('.rows >> nth=1').locator('.row').first();
    await milestone.locator('input[name="amount"]').fill('250000');
    await milestone.locator('input[name="due"]').fill(day(60));
    await form.locator('input[name="retention"]').fill('4');
    await form.locator('input[name="verifier"][value="4"]').check();
    await form.locator('input[name="documentFile"]').setInputFiles({ name: 'depot.pdf', mimeType: 'application/pdf', buffer: Buffer.from(document) });
    await form.locator('input[name="documentUri"]').fill('https://northbridge.example/tram-3/depot.pdf');
    await form.locator('input[name="contract"]').fill(contract);
    await form.locator('input[name="contract"]').dispatchEvent('change');
    await form.locator('.hint code').filter({ hasText: /^0x[0-9a-f]{64}$/ }).first().waitFor();
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  });
}

/**
 * Reloads `page`, as a person does to see what others did since: the tab
 * acts as the same account again, and the page is read anew.
 */
export async function reload(page) {
  const acting = await page.textContent('.wallet .acting');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  await page.waitForFunction((said) => document.querySelector('.wallet .acting')?.textContent === said, acting);
}
