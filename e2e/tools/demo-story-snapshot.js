// Snapshots a development chain on a runtime release, holding the demo
// story, for the runtime's try-runtime test of the upgrade from that
// release (runtime/src/tests/upgrade_from_previous_release.rs;
// docs/governance.md, "Upgrading the runtime").
//
//   node tools/demo-story-snapshot.js RUNTIME.wasm SNAPSHOT.json
//
// It starts `civitas-node --dev --chain dev@RUNTIME.wasm` (the release's
// own development preset, the demo world included) and plays the story:
// the tram agreement signed, its pool committed, milestone 0 paid;
// milestone 1's evidence under review; the court's recovery open on the
// payout; Northbridge's spend awaiting its second signatory; a council
// motion open; a second agreement proposed and not yet signed. Then it
// writes every key and value of the finalised state (child tries too)
// except `:code`, which is the release file itself, with the block's
// number, hash and state root so the test can prove the snapshot whole.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { blake2AsHex } from '@polkadot/util-crypto';

import { connect, devKeys } from '../lib/api.js';
import { CIV, NORTHBRIDGE, parties, submit, withContract } from '../lib/demo-agreement.js';
import { finalizedHeight, rpc, startDevNode, waitFor } from '../lib/node.js';
import { committedAgreement, payMilestone, submitEvidence } from '../lib/story.js';

const [runtimeArg, outputArg] = process.argv.slice(2);
if (!runtimeArg || !outputArg) {
  console.error('usage: node tools/demo-story-snapshot.js RUNTIME.wasm SNAPSHOT.json');
  process.exit(2);
}
const runtime = resolve(runtimeArg);
const output = resolve(outputArg);
const hex = (text) => `0x${Buffer.from(text).toString('hex')}`;
const CODE = hex(':code');
const CHILD_ROOTS = hex(':child_storage:default:');

/** The answer of `method`, or an error naming it. */
async function call(url, method, params) {
  const { result, error } = await rpc(url, method, params);
  if (error) throw new Error(`${method}: ${error.message}`);
  return result;
}

/** Every key and value under `prefix` at `at`, of the top trie or of child trie `child`. */
async function entries(url, at, prefix, child) {
  const found = {};
  for (let start = null; ;) {
    const keys = child
      ? await call(url, 'childstate_getKeysPaged', [child, prefix, 1000, start, at])
      : await call(url, 'state_getKeysPaged', [prefix, 1000, start, at]);
    if (keys.length === 0) return found;
    const values = child
      ? await call(url, 'childstate_getStorageEntries', [child, keys, at])
      : (await call(url, 'state_queryStorageAt', [keys, at]))[0].changes.map(([, value]) => value);
    keys.forEach((key, i) => { found[key] = values[i]; });
    start = keys[keys.length - 1];
  }
}

const node = await startDevNode({ extraArgs: ['--chain', `dev@${runtime}`] });
try {
  const api = await connect(node.wsUrl);
  const keys = await devKeys(['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']);
  const spec = (await call(node.rpcUrl, 'state_getRuntimeVersion', [])).specVersion;
  console.log(`dev chain on spec ${spec} (${runtime})`);

  const { agreement } = await committedAgreement(api, keys);
  await payMilestone(api, keys, agreement, 0);
  const payout = (await api.query.disbursements.nextDisbursementId()).toNumber() - 1;
  await Promise.all([
    submitEvidence(api, keys, agreement, 1),
    submit(api, api.tx.disbursements.openRecovery(payout, 10_000n * CIV, blake2AsHex('audit finding 1')), keys.Ferdie),
    submit(api, api.tx.registry.proposeSpend(NORTHBRIDGE, keys.Eve.address, 1_000n * CIV,
      blake2AsHex('engineering report fee')), keys.Alice),
    submit(api, api.tx.council.propose(2, api.tx.governance.revokeCode(blake2AsHex('no such code')), 100), keys.Bob),
  ]);
  // Proposed, not signed: Alice deploys its contract and proposes.
  const proposed = await withContract(api, keys);
  await submit(api, api.tx.agreements.propose(parties, { ...proposed, title: 'Tram line 4: depot' }), keys.Alice);

  const { number } = await api.rpc.chain.getHeader();
  await waitFor('the story finalised', async () => (await finalizedHeight(node.rpcUrl)) >= number.toNumber());
  const at = await call(node.rpcUrl, 'chain_getFinalizedHead', []);
  const header = await call(node.rpcUrl, 'chain_getHeader', [at]);

  const top = await entries(node.rpcUrl, at, '0x');
  if (blake2AsHex(Buffer.from(top[CODE].slice(2), 'hex'), 256) !== blake2AsHex(readFileSync(runtime), 256)) {
    throw new Error('the chain does not run the given runtime file');
  }
  delete top[CODE];
  const children = {};
  for (const key of Object.keys(top).filter((k) => k.startsWith(CHILD_ROOTS))) {
    children[key] = await entries(node.rpcUrl, at, '0x', key);
  }
  const snapshot = {
    about: 'State of a development chain holding the demo story; `:code` is the runtime file named (e2e/tools/demo-story-snapshot.js).',
    specVersion: spec,
    code: { file: runtimeArg, blake2: blake2AsHex(readFileSync(runtime), 256) },
    block: { number: Number.parseInt(header.number, 16), hash: at, stateRoot: header.stateRoot },
    top,
    children,
  };
  writeFileSync(output, `${JSON.stringify(snapshot, null, 1)}\n`);
  console.log(`${output}: block #${snapshot.block.number}, ${Object.keys(top).length} keys, ${Object.keys(children).length} child tries`);
  await api.disconnect();
} finally {
  await node.stop();
}
