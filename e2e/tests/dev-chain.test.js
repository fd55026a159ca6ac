// End-to-end: a real `civitas-node --dev`, driven over JSON-RPC by plain HTTP
// calls and by @polkadot/api (the library polkadot.js, Talisman and SubWallet
// are built on).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';

import { bestHeight, finalizedHeight, nodeBinary, rpc, startDevNode, waitFor } from '../lib/node.js';
import { sendAndFinalize } from '../lib/tx.js';
import { tokenConstants } from '../lib/runtime-constants.js';

const constants = tokenConstants();
const CIV = 10n ** BigInt(constants.decimals);

/** Offset of `needle` inside `haystack`, or -1. */
function indexOfBytes(haystack, needle) {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

describe('civitas-node --dev', () => {
  let node;
  let api;
  let keyring;

  before(async () => {
    await cryptoWaitReady();
    // Keeps the state of the last 8 blocks only, as a small RPC node might:
    // the auditors' methods must say so clearly for older blocks.
    node = await startDevNode({ extraArgs: ['--state-pruning', '8'] });
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    keyring = new Keyring({ type: 'sr25519', ss58Format: constants.ss58 });
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('produces and finalises blocks', async () => {
    const first = await waitFor('a finalised block', async () => {
      const height = await finalizedHeight(node.rpcUrl);
      return height >= 1 ? height : 0;
    });
    await waitFor('finality to advance', async () => (await finalizedHeight(node.rpcUrl)) > first);
  });

  test('runtime identifies itself as civitas', async () => {
    const version = await rpc(node.rpcUrl, 'state_getRuntimeVersion');
    assert.equal(version.result.specName, 'civitas');
    const chain = await rpc(node.rpcUrl, 'system_chain');
    assert.equal(chain.result, 'Civitas Development');
    // Metadata v14, v15 and v16 are all served (SCALE Vec<u32> [14, 15, 16]).
    const versions = await rpc(node.rpcUrl, 'state_call', ['Metadata_metadata_versions', '0x']);
    assert.equal(versions.result, '0x0c0e0000000f00000010000000');
  });

  test('system_properties match the runtime constants', async () => {
    const properties = (await rpc(node.rpcUrl, 'system_properties')).result;
    assert.deepEqual(properties, {
      tokenSymbol: constants.symbol,
      tokenDecimals: constants.decimals,
      ss58Format: constants.ss58,
      // How the chain publishes OCDS data (civitas_ocds*): a dev chain's
      // own ocid prefix and ISO 4217's code for testing.
      ocdsPrefix: 'ocds-civdev',
      ocdsCurrency: 'XTS',
      ocdsPublisher: 'Civitas development chain',
      ocdsExtension: 'https://raw.githubusercontent.com/civitas-chain/civitas/main/ocds/extension/extension.json',
    });
    // The same prefix, read from the runtime's own metadata.
    assert.equal(api.consts.system.ss58Prefix.toNumber(), constants.ss58);
    assert.deepEqual(api.registry.chainTokens, [constants.symbol]);
    assert.deepEqual(api.registry.chainDecimals, [constants.decimals]);
  });

  test('transactions carry the CheckMetadataHash extension', () => {
    const extensions = api.registry.signedExtensions;
    assert.ok(extensions.includes('CheckMetadataHash'), `extensions: ${extensions.join(', ')}`);
    assert.ok(extensions.includes('ChargeTransactionPayment'));
  });

  test('a signed transfer from Alice reaches a fresh account in a finalised block', async () => {
    const alice = keyring.addFromUri('//Alice');
    const fresh = keyring.addFromMnemonic(mnemonicGenerate());
    const amount = 5n * CIV;

    const before = await api.query.system.account(fresh.address);
    assert.equal(before.data.free.toBigInt(), 0n, 'the fresh account starts empty');

    const { blockHash, dispatchError, txIndex, events } = await sendAndFinalize(
      api.tx.balances.transferKeepAlive(fresh.address, amount),
      alice,
    );
    assert.equal(dispatchError, undefined, `dispatch failed: ${dispatchError?.toString()}`);

    // The block is final by the node's own account too.
    const header = await api.rpc.chain.getHeader(blockHash);
    assert.ok((await finalizedHeight(node.rpcUrl)) >= header.number.toNumber());

    // Events of this extrinsic, as stored in the finalised block's state.
    const stored = (await api.query.system.events.at(blockHash))
      .filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === txIndex);
    assert.deepEqual(
      stored.map(({ event }) => event.toHuman()),
      events.map(({ event }) => event.toHuman()),
      'the subscription and the stored events agree',
    );
    const find = (section, method) => stored.find(({ event }) => event.section === section && event.method === method)?.event;

    const transfer = find('balances', 'Transfer');
    assert.ok(transfer, 'a balances.Transfer event');
    assert.equal(transfer.data.from.toString(), alice.address);
    assert.equal(transfer.data.to.toString(), fresh.address);
    assert.equal(transfer.data.amount.toBigInt(), amount);
    assert.ok(find('balances', 'Endowed'), 'the fresh account was created');
    assert.ok(find('system', 'NewAccount'), 'system.NewAccount');
    assert.ok(find('system', 'ExtrinsicSuccess'), 'system.ExtrinsicSuccess');
    const feePaid = find('transactionPayment', 'TransactionFeePaid');
    assert.ok(feePaid, 'transactionPayment.TransactionFeePaid');
    assert.equal(feePaid.data.who.toString(), alice.address);
    const fee = feePaid.data.actualFee.toBigInt();
    assert.ok(fee > 0n, 'a transfer costs a fee');

    // Balances at the finalised block: the recipient holds exactly the
    // amount, and Alice paid exactly amount + fee (fees are burnt).
    const parentHash = header.parentHash;
    const freshAfter = await api.query.system.account.at(blockHash, fresh.address);
    assert.equal(freshAfter.data.free.toBigInt(), amount);
    const aliceBefore = (await api.query.system.account.at(parentHash, alice.address)).data.free.toBigInt();
    const aliceAfter = (await api.query.system.account.at(blockHash, alice.address)).data.free.toBigInt();
    assert.equal(aliceBefore - aliceAfter, amount + fee);
  });

  test('malformed input is refused and the node keeps running', async () => {
    const bestBefore = await bestHeight(node.rpcUrl);
    const finalBefore = await finalizedHeight(node.rpcUrl);

    // Bytes that do not decode as an extrinsic.
    const garbage = await rpc(node.rpcUrl, 'author_submitExtrinsic', ['0xdeadbeef']);
    assert.equal(garbage.result, undefined);
    assert.match(garbage.error?.message ?? '', /decode/i, 'garbage bytes are refused as undecodable');

    // A well-formed transfer whose signature was tampered with.
    const alice = keyring.addFromUri('//Alice');
    const signed = await api.tx.balances
      .transferKeepAlive(keyring.addFromUri('//Bob').address, CIV)
      .signAsync(alice);
    const bytes = signed.toU8a();
    const signature = signed.signature.toU8a();
    const at = indexOfBytes(bytes, signature);
    assert.ok(at > 0, 'the signature is found inside the extrinsic');
    const tampered = Uint8Array.from(bytes);
    // Flip one byte in the middle of the 64-byte sr25519 signature.
    tampered[at + 32] ^= 0xff;
    const tamperedResult = await rpc(node.rpcUrl, 'author_submitExtrinsic', [
      `0x${Buffer.from(tampered).toString('hex')}`,
    ]);
    assert.equal(tamperedResult.result, undefined);
    assert.ok(tamperedResult.error, 'a tampered signature is refused');
    assert.match(`${tamperedResult.error.message} ${tamperedResult.error.data}`, /bad signature/i);

    // A method the node does not have.
    const unknown = await rpc(node.rpcUrl, 'civitas_noSuchMethod', []);
    assert.equal(unknown.error?.code, -32601, 'unknown methods get "method not found"');

    // Still alive: the process runs, answers, and keeps producing and finalising.
    assert.equal(node.exited, null, 'the node process is still running');
    const health = await rpc(node.rpcUrl, 'system_health');
    assert.ok(health.result, 'system_health still answers');
    await waitFor('a new best block', async () => (await bestHeight(node.rpcUrl)) > bestBefore);
    await waitFor('finality to advance', async () => (await finalizedHeight(node.rpcUrl)) > finalBefore);
  });

  test('civitas_* at a block whose state was pruned says so and the node keeps serving', async () => {
    await waitFor('block 12 finalised', async () => (await finalizedHeight(node.rpcUrl)) >= 12, { timeoutMs: 180_000 });
    const old = (await rpc(node.rpcUrl, 'chain_getBlockHash', [1])).result;
    const pruned = await rpc(node.rpcUrl, 'civitas_organisation', [0, old]);
    assert.equal(pruned.error?.code, 4002, JSON.stringify(pruned));
    assert.match(pruned.error.message, /^the state of block #1 \(0x[0-9a-f]{64}\) was pruned on this node; ask an archive node/);
    // The best block is still served.
    const now = await rpc(node.rpcUrl, 'civitas_organisation', [0]);
    assert.equal(now.result?.id, 0, JSON.stringify(now));
  });

  test('serves Prometheus metrics', async () => {
    const metrics = await (await fetch(node.prometheusUrl)).text();
    assert.match(metrics, /substrate_block_height\{status="finalized"/);
  });
});

describe('civitas-node without --dev or --chain', () => {
  test('refuses to start a built-in chain (whose keys are well known) and says what to pass', () => {
    const run = spawnSync(nodeBinary(), ['--tmp', '--rpc-port', '0', '--port', '0', '--no-prometheus'], { encoding: 'utf8', timeout: 60_000 });
    assert.notEqual(run.status, 0, 'it exits with an error');
    assert.match(run.stderr, /no chain given: start a development chain with `--dev`, a local test network with `--chain local`/);
    assert.doesNotMatch(run.stderr + run.stdout, /Imported #|Prepared block/);
  });
});

describe('a production chain spec from a consortium file', () => {
  const template = new URL('../../chain-specs/production.template.json', import.meta.url).pathname;
  // twox128("Sudo") ++ twox128("Key"): where a sudo key would be stored.
  const sudoKey = '0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b';

  test('the documented command builds the raw spec, with a council and no sudo key', () => {
    const run = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', `production:${template}`, '--raw'],
      { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    const spec = JSON.parse(run.stdout);
    assert.equal(spec.chainType, 'Live');
    assert.equal(spec.properties.ocdsCurrency, 'EUR');
    const top = spec.genesis.raw.top;
    assert.ok(Object.keys(top).length > 10, 'a genesis state');
    assert.equal(top[sudoKey], undefined, 'no sudo key');
  });

  test('a missing consortium file is refused, naming it', () => {
    const run = spawnSync(nodeBinary(), ['export-chain-spec', '--chain', 'production:/nonexistent.json'],
      { encoding: 'utf8', timeout: 120_000 });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /consortium file \/nonexistent\.json/);
  });
});
