// What every page is given: the connected chain, the token's symbol, and
// the organisations' names (read once per page and kept).

import type { Chain } from './chain';
import type { Child } from './dom';
import type { Acting } from './wallet/extension';

/** One organisation as `civitas_organisation` answers it (the fields pages use). */
export interface Organisation {
  id: number;
  name: string;
  kind: string;
  identifier: { scheme: string; id: string };
  status: string;
  account: string;
  members: Array<{ account: string; roles: string[] }>;
}

/** A page's view of the chain. */
export class Context {
  private organisations = new Map<number, Promise<Organisation>>();
  /** The wallet account the user acts with, once connected. */
  acting: Acting | null = null;
  /**
   * Called when a transaction sent from the portal is finalised (the
   * form's action and a sentence saying so): the page says it and reads
   * the chain again. The entry point sets it.
   */
  finished: (action: string, notice: Child) => void = () => {};
  /** Called when the user sends a transaction: the last one's notice no longer applies. */
  sending: () => void = () => {};

  constructor(readonly chain: Chain, readonly symbol: string) {}

  /** Organisation `id`, asked once. */
  organisation(id: number): Promise<Organisation> {
    let found = this.organisations.get(id);
    if (!found) {
      found = this.chain.civitas<Organisation>('organisation', [id]);
      this.organisations.set(id, found);
    }
    return found;
  }

  /** The name of organisation `id` ("organisation 7" if it cannot be read). */
  async name(id: number): Promise<string> {
    try {
      return (await this.organisation(id)).name;
    } catch {
      return `organisation ${id}`;
    }
  }
}
