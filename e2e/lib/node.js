// Starts a real civitas-node for a test and always stops it again.
//
// The node gets free ports and a fresh temporary base path, so tests never
// collide with a developer's running chain or with each other, and leave
// nothing behind.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Path of the node binary: $CIVITAS_NODE, else the debug build in the shared target dir. */
export function nodeBinary() {
  if (process.env.CIVITAS_NODE) return process.env.CIVITAS_NODE;
  const target = process.env.CARGO_TARGET_DIR ?? join(process.env.HOME ?? '/root', '.cache/civitas/target');
  return join(target, 'debug', 'civitas-node');
}

/** Path of the `civitas-audit` verifier: beside the node binary. */
export function auditBinary() {
  return join(dirname(nodeBinary()), 'civitas-audit');
}

/** The Python the docs' examples run with: the virtual environment setup.sh makes. */
export function examplesPython() {
  const venv = process.env.CIVITAS_EXAMPLES_VENV ?? join(process.env.HOME ?? '/root', '.cache/civitas/examples-venv');
  return join(venv, 'bin', 'python');
}

/** One JSON-RPC call over HTTP; resolves to the whole response object. */
export async function rpc(url, method, params = []) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `civitas-node --dev` (with `extraArgs`, e.g. a state-pruning mode)
 * and waits until its RPC answers.
 * Returns { rpcUrl, wsUrl, process, log, exited, stop }.
 */
export async function startDevNode({ readyTimeoutMs = 240_000, extraArgs = [] } = {}) {
  const basePath = await mkdtemp(join(tmpdir(), 'civitas-e2e-'));
  const [rpcPort, p2pPort, prometheusPort] = [await freePort(), await freePort(), await freePort()];
  const args = [
    '--dev',
    '--base-path', basePath,
    '--rpc-port', String(rpcPort),
    '--port', String(p2pPort),
    '--prometheus-port', String(prometheusPort),
    '--no-telemetry',
    '--no-mdns',
    ...extraArgs,
  ];
  const child = spawn(nodeBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk) => {
    log += chunk.toString();
    // Keep the tail only: enough to explain a failure, bounded in memory.
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  child.on('error', (error) => { log += `\nspawn error: ${error.message}`; });

  const node = {
    rpcUrl: `http://127.0.0.1:${rpcPort}`,
    wsUrl: `ws://127.0.0.1:${rpcPort}`,
    prometheusUrl: `http://127.0.0.1:${prometheusPort}/metrics`,
    process: child,
    get log() { return log; },
    get exited() { return exited; },
    async stop() {
      if (exited === null) {
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exit;
        clearTimeout(timer);
      }
      await rm(basePath, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited !== null) {
      await node.stop();
      throw new Error(`civitas-node exited early (${JSON.stringify(exited)}):\n${log.slice(-4000)}`);
    }
    try {
      const health = await rpc(node.rpcUrl, 'system_health');
      if (health.result) return node;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await node.stop();
      throw new Error(`civitas-node did not answer RPC within ${readyTimeoutMs} ms:\n${log.slice(-4000)}`);
    }
    await sleep(500);
  }
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor(what, probe, { timeoutMs = 120_000, intervalMs = 1000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Height of the block a JSON-RPC header object describes. */
export const heightOf = (header) => Number.parseInt(header.number, 16);

/** The finalised height, over plain JSON-RPC. */
export async function finalizedHeight(url) {
  const head = await rpc(url, 'chain_getFinalizedHead');
  const header = await rpc(url, 'chain_getHeader', [head.result]);
  return heightOf(header.result);
}

/** The best (head) height, over plain JSON-RPC. */
export async function bestHeight(url) {
  const header = await rpc(url, 'chain_getHeader');
  return heightOf(header.result);
}
