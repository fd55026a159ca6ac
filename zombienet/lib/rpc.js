// Plain JSON-RPC over HTTP, one request per call with a deadline.
//
// The fault tests read every node this way rather than over a WebSocket
// subscription: a killed node refuses the connection and a paused one never
// answers, and both must show up as "no answer" within a second or two
// instead of a subscription that silently stalls or reconnects.

import { blake2AsHex, hexToU8a } from './polkadot.js';

/** The HTTP URL of a node's RPC port, from the WebSocket URL zombienet reports. */
export const httpUrl = (wsUri) => wsUri.replace(/^ws/, 'http');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `method` on the node at `url`; throws on an RPC error or no answer within `timeoutMs`. */
export async function rpc(url, method, params = [], timeoutMs = 10_000) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Whether the node answers at all within `timeoutMs` (killed: refused; paused: silent). */
export async function answers(url, timeoutMs = 2_000) {
  try {
    await rpc(url, 'system_health', [], timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** Best and finalised block numbers of a node, and the finalised block's hash. */
export async function heads(url, timeoutMs = 10_000) {
  const best = await rpc(url, 'chain_getHeader', [], timeoutMs);
  const finalizedHash = await rpc(url, 'chain_getFinalizedHead', [], timeoutMs);
  const finalized = await rpc(url, 'chain_getHeader', [finalizedHash], timeoutMs);
  return {
    best: parseInt(best.number, 16),
    finalized: parseInt(finalized.number, 16),
    finalizedHash,
  };
}

/** Hash of the node's canonical block at `number`, or null if it has none. */
export const blockHash = (url, number) => rpc(url, 'chain_getBlockHash', [number]);

/**
 * Hashes of the extrinsics in block `hash`: BLAKE2-256 of each encoded
 * extrinsic, the hash `author_submitExtrinsic` returned when it was accepted.
 */
export async function extrinsicHashes(url, hash) {
  const { block } = await rpc(url, 'chain_getBlock', [hash]);
  return block.extrinsics.map((extrinsic) => blake2AsHex(hexToU8a(extrinsic), 256));
}

/**
 * Polls `probe` every `intervalMs` until it returns something truthy and
 * returns that; throws after `timeoutMs` naming `what` and the last value
 * `describe` gave, so a stalled network says where it stood.
 */
export async function waitUntil(what, probe, { timeoutMs, intervalMs = 1_000, describe = () => '' }) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const state = await Promise.resolve(describe()).catch((error) => `(${error.message})`);
      const cause = lastError ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${state ? `; ${state}` : ''}${cause}`);
    }
    await sleep(intervalMs);
  }
}
