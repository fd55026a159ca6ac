// The fault tests' own checks, fed with made-up chains, must fail when
// finality goes back, when a transfer is missing or doubled, and when a
// wait runs out: otherwise a green network test would prove nothing.
// (No network is started here; this file takes a second.)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { FinalityWatch } from '../lib/finality-watch.js';
import { blake2AsHex, cryptoWaitReady, hexToU8a } from '../lib/polkadot.js';
import { waitUntil } from '../lib/rpc.js';
import { countFinalized, tally } from '../lib/transfers.js';

/** A node that answers the few JSON-RPC methods the checks use, from `chain`. */
function fakeNode(chain) {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
      const { id, method, params } = JSON.parse(body);
      const hashOf = (number) => `0x${number.toString(16).padStart(64, '0')}`;
      const numberOf = (hash) => parseInt(hash, 16);
      const results = {
        chain_getFinalizedHead: () => hashOf(chain.finalized),
        chain_getHeader: () => ({ number: `0x${(params[0] ? numberOf(params[0]) : chain.finalized).toString(16)}` }),
        chain_getBlockHash: () => (params[0] <= chain.finalized ? hashOf(params[0]) : null),
        chain_getBlock: () => ({ block: { extrinsics: chain.blocks[numberOf(params[0])] ?? [] } }),
      };
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ jsonrpc: '2.0', id, result: results[method]() }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}` });
  }));
}

const hashOfExtrinsic = (hex) => blake2AsHex(hexToU8a(hex), 256);

before(() => cryptoWaitReady());

test('the finality watch flags a finalised head that goes back', () => {
  const watch = new FinalityWatch({ alice: {}, bob: {} });
  watch.record('alice', 5, '0x05');
  watch.record('alice', 6, '0x06');
  assert.deepEqual(watch.violations, []);
  watch.record('alice', 4, '0x04');
  assert.deepEqual(watch.violations, ['alice: finalised head went back from #6 to #4']);
});

test('the finality watch flags one height finalised as two blocks, on one node or on two', () => {
  const watch = new FinalityWatch({ alice: {}, bob: {} });
  watch.record('alice', 7, '0x07');
  watch.record('bob', 7, '0x07');
  assert.deepEqual(watch.violations, []);
  watch.record('bob', 8, '0x08');
  watch.record('alice', 8, '0xff');
  assert.deepEqual(watch.violations, ['#8 finalised as 0x08 on bob but as 0xff on alice']);
  watch.record('alice', 8, '0x08');
  assert.deepEqual(watch.violations.slice(1), ['alice: #8 finalised as 0xff, later as 0x08']);
});

test('a count of finalised transfers names the missing and the doubled', async () => {
  // Block 2 holds a, blocks 3 and 4 both hold b, c is nowhere.
  const [a, b, c] = ['0x0401', '0x0402', '0x0403'];
  const { server, url } = await fakeNode({ finalized: 4, blocks: { 2: [a], 3: [b], 4: [b, '0x0499'] } });
  after(() => server.close());
  const wanted = [a, b, c].map(hashOfExtrinsic);
  const count = await countFinalized(url, wanted, 1, 100);
  assert.deepEqual([...count.counts.values()], [1, 2, 0]);
  assert.equal(count.scannedTo, 4);
  assert.deepEqual(tally(count), { missing: [wanted[2]], duplicated: [`${wanted[1]} in #3, #4`] });
});

test('a count keeps reading as blocks are finalised, and is clean when each is there once', async () => {
  const chain = { finalized: 2, blocks: { 2: ['0x0401'] } };
  const { server, url } = await fakeNode(chain);
  after(() => server.close());
  setTimeout(() => { chain.blocks[3] = ['0x0402']; chain.finalized = 3; }, 500);
  const count = await countFinalized(url, ['0x0401', '0x0402'].map(hashOfExtrinsic), 0, 10_000);
  assert.deepEqual(tally(count), { missing: [], duplicated: [] });
  assert.equal(count.scannedTo, 3);
});

test('a wait that runs out fails, saying what it waited for and where things stood', async () => {
  await assert.rejects(
    waitUntil('finality to advance', async () => false, { timeoutMs: 300, intervalMs: 50, describe: () => 'alice #9/#7' }),
    /timed out after 0 s waiting for finality to advance; alice #9\/#7/,
  );
});
