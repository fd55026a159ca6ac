// The wallet: any browser extension that speaks the polkadot.js extension
// API (polkadot.js, Talisman, SubWallet) gives the portal accounts and a
// signer; the portal never sees a key.

import { web3Accounts, web3Enable, web3FromAddress } from '@polkadot/extension-dapp';
import type { Signer } from '@polkadot/api/types';

import type { Context } from '../context';

/** An account the wallet offers, with what the registry says it may do. */
export interface Acting {
  address: string;
  name: string;
  /** The organisation it acts for, if it is a member of one. */
  organisation: number | null;
  /** Its roles there, as the node names them (`financeOfficer`, `signatory`, …). */
  roles: string[];
  signer: Signer;
}

/** The accounts of every enabled extension; empty if there is none or the user refused. */
export async function walletAccounts(): Promise<Array<{ address: string; name: string }>> {
  const extensions = await web3Enable('Civitas');
  if (extensions.length === 0) return [];
  return (await web3Accounts()).map((account) => ({
    address: account.address,
    name: account.meta.name ?? account.address,
  }));
}

/** `address` as the portal acts with it: its organisation, roles and signer. */
export async function actAs(context: Context, address: string, name: string): Promise<Acting> {
  const { api } = context.chain;
  const { signer } = await web3FromAddress(address);
  // The typed registry entry of the account: which organisation it acts for.
  const membership = (await api.query.registry.members(address)) as unknown as {
    isSome: boolean;
    unwrap(): { organisation: { toNumber(): number } };
  };
  if (!membership.isSome) return { address, name, organisation: null, roles: [], signer };
  const organisation = membership.unwrap().organisation.toNumber();
  const member = (await context.organisation(organisation)).members.find((m) =>
    api.createType('AccountId', m.account).eq(api.createType('AccountId', address)));
  return { address, name, organisation, roles: member?.roles ?? [], signer };
}
