// The connection to a node: the typed API of @polkadot/api (everything it
// knows from the runtime's metadata, no custom type definitions) and the
// node's `civitas_*` JSON-RPC methods (docs/auditor.md), which answer the
// ledger's records as JSON.

import { ApiPromise, WsProvider } from '@polkadot/api';

/** The node address used when none is chosen: `make run`'s dev chain. */
const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';

/**
 * The node to talk to: `?rpc=` in the page's address (a link can name its
 * node), else the last one chosen in this browser, else the dev chain's.
 */
export function endpoint(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('rpc');
  if (fromUrl) return fromUrl;
  return window.localStorage.getItem('civitas.endpoint') ?? DEFAULT_ENDPOINT;
}

/** Remembers `address` as the node to use, and reloads on it. */
export function chooseEndpoint(address: string): void {
  window.localStorage.setItem('civitas.endpoint', address);
  const url = new URL(window.location.href);
  url.searchParams.delete('rpc');
  window.location.assign(url.toString());
}

/** A JSON-RPC error of a `civitas_*` method, with its code. */
export class RpcError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** The connected node. */
export class Chain {
  /** The latest finalised block number; updated live. */
  finalised = 0;
  /** Called whenever `finalised` grows. */
  private listeners: Array<() => void> = [];

  private constructor(readonly api: ApiPromise, private readonly provider: WsProvider) {}

  /** Connects to `address`; rejects if the node does not answer in `timeoutMs`. */
  static async connect(address: string, timeoutMs = 10_000): Promise<Chain> {
    const provider = new WsProvider(address, 2_000, {}, timeoutMs);
    const api = await new Promise<ApiPromise>((resolve, reject) => {
      const timer = setTimeout(() => {
        void provider.disconnect();
        reject(new Error(`no answer from ${address}`));
      }, timeoutMs);
      ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true }).then(
        (api) => { clearTimeout(timer); resolve(api); },
        (error: unknown) => { clearTimeout(timer); void provider.disconnect(); reject(error); },
      );
    });
    const chain = new Chain(api, provider);
    await api.rpc.chain.subscribeFinalizedHeads((header) => {
      chain.finalised = header.number.toNumber();
      for (const listener of chain.listeners) listener();
    });
    return chain;
  }

  /** Calls `listener` whenever a block is finalised; returns what stops it. */
  onFinalised(listener: () => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
  }

  /** Calls the node's `civitas_<method>` and resolves to its result. */
  async civitas<T = any>(method: string, params: unknown[]): Promise<T> {
    try {
      return (await this.provider.send(`civitas_${method}`, params)) as T;
    } catch (error) {
      // The provider's message is "<code>: <message>".
      const message = error instanceof Error ? error.message : String(error);
      const match = /^(-?\d+): (.*)$/s.exec(message);
      if (match) throw new RpcError(Number(match[1]), match[2]);
      throw error;
    }
  }
}
