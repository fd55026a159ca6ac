// Evidence as partners submit it and approvers name it.

import { stringToU8a, u8aToHex } from '@polkadot/util';
import { sha256AsU8a } from '@polkadot/util-crypto';

/** A document as a partner publishes it: its SHA-256, as `sha256sum` prints it. */
export function document(kind, text, uri) {
  return { kind, sha256: u8aToHex(sha256AsU8a(stringToU8a(text))), uri };
}

/** An invoice by the SHA-256 of its file. */
export function invoice(text, amount) {
  return { sha256: u8aToHex(sha256AsU8a(stringToU8a(text))), amount };
}

/**
 * The round and evidence hash of an `EvidenceSubmitted` event: what a
 * verdict names, so that it can count only for the evidence its approver saw.
 */
export function reviewOf(api, events) {
  const { data } = events.find(({ event }) => api.events.disbursements.EvidenceSubmitted.is(event)).event;
  return { round: data.round.toNumber(), evidence: data.evidence.toHex() };
}
