// The demo story that runtime upgrades are tried on (docs/governance.md,
// "Upgrading the runtime"): the tram agreement between the demo world's
// cities, signed with a funding-conditions contract, its pool committed by
// the two cities, and milestones paid on the engineer's and Northbridge's
// verdicts. The network's upgrade test plays it before and after an
// upgrade; tools/demo-story-snapshot.js plays it on a dev chain to snapshot.

import { blake2AsHex } from '@polkadot/util-crypto';

import { CIV, activateDemoAgreement, approvePool, submit, terms } from './demo-agreement.js';
import { document, invoice, reviewOf } from './evidence.js';

const DAY = 86_400_000;
const K = 1_000n * CIV;

/** What the story's milestones pay: 300 000 and 200 000 CIV. */
export const MILESTONES = [300n * K, 200n * K];

/**
 * The parties sign the tram agreement (500 000 CIV, two milestones due in
 * a month and a year); Northbridge proposes its pool, the others approve
 * it, and Northbridge (350 000) and Southport (150 000) pledge it full, so
 * it commits. Resolves to { agreement, pool }.
 */
export async function committedAgreement(api, keys) {
  const now = Date.now();
  const approval = terms.milestones[0].approval;
  const agreement = await activateDemoAgreement(api, keys, {
    ...terms,
    value: 500n * K,
    period: { start: now - 60 * DAY, end: now + 730 * DAY },
    milestones: [
      { amount: MILESTONES[0], due: now + 30 * DAY, kind: 'Delivery', approval },
      { amount: MILESTONES[1], due: now + 365 * DAY, kind: 'Delivery', approval },
    ],
  });
  const pool = (await api.query.pools.nextPoolId()).toNumber();
  const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 300;
  await submit(api, api.tx.pools.openPool(agreement, 500n * K, deadline, []), keys.Alice);
  await approvePool(api, keys, pool);
  await Promise.all([
    submit(api, api.tx.pools.pledge(pool, 350n * K), keys.Alice),
    submit(api, api.tx.pools.pledge(pool, 150n * K), keys.Bob),
  ]);
  const status = (await api.query.pools.pools(pool)).unwrap().status;
  if (!status.isCommitted) throw new Error(`pool ${pool} is ${status.type}, not committed`);
  return { agreement, pool };
}

/**
 * Tramway Builders (Charlie) submits evidence for milestone `index` of
 * `agreement`; resolves to the review's { round, evidence } hashes.
 */
export async function submitEvidence(api, keys, agreement, index) {
  const { events } = await submit(api, api.tx.disbursements.submitEvidence(agreement, index, [
    document('PhysicalProgressReport', `Tram line 3, part ${index}: done`, `https://tramway.example/${index}.pdf`),
  ], [invoice(`Invoice TB-${agreement}-${index}`, MILESTONES[index])]), keys.Charlie);
  return reviewOf(api, events);
}

/**
 * Evidence for milestone `index`, then the engineer's (Eve) and
 * Northbridge's (Alice) verdicts that it is met: the milestone is paid,
 * less the 5 % retention, to Tramway Builders' organisation account.
 */
export async function payMilestone(api, keys, agreement, index) {
  const { round, evidence } = await submitEvidence(api, keys, agreement, index);
  const verdict = (who, note) => submit(api,
    api.tx.disbursements.approve(agreement, index, round, evidence, 'Met', blake2AsHex(note)), keys[who]);
  await Promise.all([verdict('Eve', `site visit ${index}`), verdict('Alice', `payment check ${index}`)]);
  const record = (await api.query.disbursements.milestones(agreement, index)).unwrap();
  if (!record.status.isPaid) throw new Error(`milestone ${index} is ${record.status.type}, not paid`);
}
