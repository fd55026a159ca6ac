// Signing as Ledger's generic app requires: the metadata-hash extension
// (`CheckMetadataHash`, RFC-0078) in mode 1, through the portal, against a
// node whose runtime embeds the metadata hash. The runtime is built with
// `--features metadata-hash` (scripts/test-metadata-hash.sh builds it and
// runs this; it is not in `make test`, see docs/development.md) and put
// into the dev chain's spec in place of the ordinary one.
//
// The test wallet computes the metadata hash itself, from the node's
// metadata (@polkadot-api/merkleize-metadata, as wallets do), turns mode 1
// on and returns the signed transaction, which the portal submits. A
// transaction signed over another hash is refused, in a sentence.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';

import { serve } from '../../explorer/serve.mjs';
import { deployConditions, openConditions } from '../lib/conditions-contract.js';
import { nodeBinary, startDevNode } from '../lib/node.js';
import { actAs, injectTestWallet, proposeInPortal } from '../lib/test-wallet.js';

const CHROMIUM = process.env.CIVITAS_CHROMIUM ?? '/usr/bin/chromium';
const WASM = process.env.CIVITAS_METADATA_HASH_WASM;

describe('signing with the metadata hash (mode 1) through the portal', () => {
  let directory;
  let node;
  let api;
  let keys;
  let site;
  let browser;

  before(async () => {
    assert.ok(WASM, 'CIVITAS_METADATA_HASH_WASM names the runtime built with --features metadata-hash');
    await cryptoWaitReady();
    // The dev chain's spec, with the runtime that embeds the metadata hash as its code.
    directory = await mkdtemp(join(tmpdir(), 'civitas-metadata-hash-'));
    const spec = JSON.parse(execFileSync(nodeBinary(), ['export-chain-spec', '--chain', 'dev', '--raw'], { maxBuffer: 1 << 28 }).toString());
    spec.genesis.raw.top['0x3a636f6465'] = u8aToHex(await readFile(WASM));
    const specPath = join(directory, 'dev-metadata-hash.json');
    await writeFile(specPath, JSON.stringify(spec));
    node = await startDevNode({ extraArgs: ['--chain', specPath] });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    keys = Object.fromEntries(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve'].map((name) => [name, keyring.addFromUri(`//${name}`)]));
    site = await serve(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.disconnect();
    await node?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  /** A browser whose wallet signs in mode 1 over `metadataHash`, on the proposal page, acting as Alice. */
  async function walletWith(metadataHash) {
    const context = await browser.newContext();
    await injectTestWallet(context, api, keys, { metadataHash });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}?rpc=${encodeURIComponent(node.wsUrl)}#/propose`);
    await page.waitForFunction(() => document.body.dataset.rendered === '#/propose', null, { timeout: 60_000 });
    await actAs(page, 'Alice');
    return { page, errors };
  }

  test('the wallet\'s hash matches the runtime\'s: the proposal is finalised, signed in mode 1', async () => {
    const opaque = (await api.call.metadata.metadataAtVersion(15)).unwrap();
    const properties = await api.rpc.system.properties();
    const metadataHash = u8aToHex(merkleizeMetadata(opaque.toU8a(true), {
      decimals: properties.tokenDecimals.unwrap()[0].toNumber(),
      tokenSymbol: properties.tokenSymbol.unwrap()[0].toString(),
    }).digest());

    const next = (await api.query.agreements.nextAgreementId()).toNumber();
    const { address } = await deployConditions(api, keys.Alice, openConditions(next));
    const { page, errors } = await walletWith(metadataHash);
    const notice = await proposeInPortal(page, { title: 'Signed on a Ledger', contract: address, document: 'depot' });
    const block = /finalised in block (0x[0-9a-f]{64})/.exec(notice)[1];
    const { block: { extrinsics } } = await api.rpc.chain.getBlock(block);
    const proposal = extrinsics.find((extrinsic) => extrinsic.method.section === 'agreements' && extrinsic.method.method === 'propose');
    assert.ok(proposal, 'the proposal is in the block the portal names');
    assert.equal(proposal.mode.toNumber(), 1, 'signed with CheckMetadataHash enabled');
    assert.ok((await api.query.agreements.agreements(next)).isSome);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('signed over another metadata hash, the node refuses it and the portal says so', async () => {
    const next = (await api.query.agreements.nextAgreementId()).toNumber();
    const { address } = await deployConditions(api, keys.Alice, openConditions(next));
    const { page } = await walletWith(`0x${'11'.repeat(32)}`);
    await assert.rejects(proposeInPortal(page, { title: 'Signed over a wrong hash', contract: address, document: 'depot' }),
      /^Error: propose: Not done: the node refused the transaction: .*bad signature/i);
    assert.ok((await api.query.agreements.agreements(next)).isNone);
    await page.context().close();
  });
});
