// End-to-end: milestone payouts on a real `civitas-node --dev`, driven by
// @polkadot/api as wallets are. Governance deploys the committed
// funding-conditions contract for the tram agreement; the cities fund its
// pool; the partner submits evidence; the engineer and a city approve; the
// payout leaves escrow with retention; the court opens a recovery; a late,
// partly met milestone pays with a penalty and the recovery offset; final
// acceptance releases the retention. Balances, holds, the decision record
// and the audit trail are read back as an auditor would, and the decision
// is re-run against the contract.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, sha256AsU8a } from '@polkadot/util-crypto';

import { committedHash, deployConditions } from '../lib/conditions-contract.js';
import {
  CIV, NORTHBRIDGE, SOUTHPORT, TRAMWAY_BUILDERS, activateDemoAgreement, approvePool, moduleError,
  organisationAccount, submit, terms as demoTerms,
} from '../lib/demo-agreement.js';
import { startDevNode } from '../lib/node.js';
import { sendAndInclude } from '../lib/tx.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const K = 1_000n * CIV;
/** The contract's `check` selector (docs/auditor.md). */
const SELECTOR_CHECK = '0xc171a502';
/** OCDS `physicalProgressReport`: the document type the contract requires. */
const PROGRESS_REPORT = 8;

/** A document as a partner publishes it: its SHA-256, as `sha256sum` prints it. */
function document(kind, text, uri) {
  return { kind, sha256: u8aToHex(sha256AsU8a(stringToU8a(text))), uri };
}

/** An invoice by the SHA-256 of its file. */
function invoice(text, amount) {
  return { sha256: u8aToHex(sha256AsU8a(stringToU8a(text))), amount };
}

/**
 * The round and evidence hash of an `EvidenceSubmitted` event: what a
 * verdict names, so that it can count only for the evidence its approver saw.
 */
function reviewOf(api, events) {
  const { data } = events.find(({ event }) => api.events.disbursements.EvidenceSubmitted.is(event)).event;
  return { round: data.round.toNumber(), evidence: data.evidence.toHex() };
}

/** `who`'s free balance. */
async function free(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}

/** `who`'s holds by the pools pallet, as { reason: amount }. */
async function poolHolds(api, who) {
  const holds = await api.query.balances.holds(who);
  return Object.fromEntries(
    holds.filter((hold) => hold.id.isPools).map((hold) => [hold.id.asPools.toString(), hold.amount.toBigInt()]),
  );
}

describe('milestone payouts on a dev node', () => {
  let node;
  let api;
  let keys;
  let contract;
  let agreement;
  const partner = organisationAccount(TRAMWAY_BUILDERS);
  const northbridge = organisationAccount(NORTHBRIDGE);
  const southport = organisationAccount(SOUTHPORT);
  const now = Date.now();

  before(async () => {
    await cryptoWaitReady();
    node = await startDevNode();
    api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    const keyring = new Keyring({ type: 'sr25519' });
    keys = Object.fromEntries(
      ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n, keyring.addFromUri(`//${n}`)]),
    );
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('governance deploys the committed contract with the agreement\'s conditions', async () => {
    agreement = (await api.query.agreements.nextAgreementId()).toNumber();
    const conditions = {
      agreement,
      maxSinglePayout: null,
      cumulativeCap: 1_000_000n * CIV,
      minFunderShares: [{ funder: SOUTHPORT, minShare: 200_000 }], // Southport ≥ 20 %
      minPublicShare: 500_000,
      retention: 50_000, // ≥ 5 %
      payoutDeadline: { endDate: now + 365 * DAY, grace: 30 * DAY },
      latePenaltyPerDay: 1_000, // ≥ 0.1 % a day late
      requiredEvidence: [PROGRESS_REPORT],
    };
    ({ address: contract } = await deployConditions(api, keys.Alice, conditions));
    const info = (await api.query.revive.accountInfoOf(contract)).unwrap();
    assert.equal(info.accountType.asContract.codeHash.toHex(), committedHash);
  });

  test('the parties sign terms naming it; the cities commit the pool', async () => {
    const approval = [
      { role: 'Verifier', count: 1, from: 'Verifiers' },
      { role: 'FinanceOfficer', count: 1, from: 'AnyParty' },
    ];
    const terms = {
      ...demoTerms,
      value: 1_000_000n * CIV,
      period: { start: now - 60 * DAY, end: now + 365 * DAY },
      milestones: [
        // Due in a month: paid on time.
        { amount: 300_000n * CIV, due: now + 30 * DAY, kind: 'Delivery', approval },
        // Due three days and an hour ago: paid three full days late.
        { amount: 200_000n * CIV, due: now - 3 * DAY - HOUR, kind: 'Delivery', approval },
      ],
      conditions: { address: contract, codeHash: committedHash },
    };
    assert.equal(await activateDemoAgreement(api, keys, terms), agreement);
    const pool = (await api.query.pools.nextPoolId()).toNumber();
    const deadline = (await api.rpc.chain.getHeader()).number.toNumber() + 200;
    await submit(api, api.tx.pools.openPool(agreement, 500_000n * CIV, deadline, []), keys.Alice);
    await approvePool(api, keys, pool);
    await Promise.all([
      submit(api, api.tx.pools.pledge(pool, 350_000n * CIV), keys.Alice),
      submit(api, api.tx.pools.pledge(pool, 150_000n * CIV), keys.Bob),
    ]);
    assert.deepEqual(await poolHolds(api, northbridge), { Committed: 350_000n * CIV });
    assert.deepEqual(await poolHolds(api, southport), { Committed: 150_000n * CIV });
  });

  test('evidence and two verdicts pay milestone 0 to the partner\'s organisation account, retention held on the cities\' accounts', async () => {
    const evidence = [
      document('PhysicalProgressReport', 'Tram line 3, section A: track laid', 'https://tramway.example/a/report.pdf'),
      document('Illustration', 'Tram line 3, section A: photographs', 'https://tramway.example/a/photos.zip'),
    ];
    const { events } = await submit(api, api.tx.disbursements.submitEvidence(
      agreement, 0, evidence, [invoice('Invoice TB-2026-001', 300_000n * CIV)]), keys.Charlie);
    const submitted = events.find(({ event }) => api.events.disbursements.EvidenceSubmitted.is(event)).event;
    const deposit = submitted.data.deposit.toBigInt();
    assert.ok(deposit > 0n);
    const { round, evidence: evidenceHash } = reviewOf(api, events);
    // An approver computes the same hash from the evidence it reads
    // (docs/milestones.md): BLAKE2-256 of (payee organisation, documents, invoices).
    const stored = (await api.query.disbursements.milestones(agreement, 0)).unwrap().evidence;
    assert.equal(
      blake2AsHex(u8aConcat(stored.organisation.toU8a(), stored.documents.toU8a(), stored.invoices.toU8a())),
      evidenceHash,
    );

    // A verdict naming other evidence than the round's is refused.
    const wrong = await sendAndInclude(api.tx.disbursements.approve(
      agreement, 0, round, blake2AsHex('other files'), 'Met', blake2AsHex('site visit 1')), keys.Eve);
    assert.equal(moduleError(api, wrong.dispatchError), 'disbursements.EvidenceMismatch');

    const charlie = await free(api, keys.Charlie.address);
    const received = await free(api, partner);
    // The independent engineer and Northbridge's finance officer, in one
    // block, each naming the round and the evidence hash they judged.
    await Promise.all([
      submit(api, api.tx.disbursements.approve(agreement, 0, round, evidenceHash, 'Met', blake2AsHex('site visit 1')), keys.Eve),
      submit(api, api.tx.disbursements.approve(agreement, 0, round, evidenceHash, 'Met', blake2AsHex('payment check 1')), keys.Alice),
    ]);
    const record = (await api.query.disbursements.milestones(agreement, 0)).unwrap();
    assert.ok(record.status.isPaid, `milestone 0 is ${record.status.type}`);
    // 300 000 gross: 15 000 retained (5 %), 285 000 paid to Tramway
    // Builders' organisation account; Charlie, who sent the evidence, gets
    // his deposit back and nothing more.
    const paid = (await api.query.disbursements.disbursements(0)).unwrap();
    assert.equal(paid.payee.toHex(), partner);
    assert.equal(await free(api, partner), received + 285n * K);
    assert.equal(await free(api, keys.Charlie.address), charlie + deposit);
    assert.deepEqual(await poolHolds(api, northbridge), { Committed: 140n * K, Retention: 10_500n * CIV });
    assert.deepEqual(await poolHolds(api, southport), { Committed: 60n * K, Retention: 4_500n * CIV });
  });

  test('an auditor reads the decision record and re-runs the contract on it (docs/auditor.md)', async () => {
    const paid = (await api.query.disbursements.disbursements(0)).unwrap();
    assert.equal(paid.gross.toBigInt(), 300n * K);
    assert.equal(paid.retention.toBigInt(), 15n * K);
    assert.equal(paid.net.toBigInt(), 285n * K);
    const { decision } = paid;
    assert.equal(decision.contract.toHex(), contract);
    assert.equal(decision.codeHash.toHex(), committedHash);
    assert.ok(decision.answer.isOk && decision.answer.asOk.isAllow);
    // The input hash is BLAKE2-256 of the selector and the SCALE query.
    const input = u8aConcat(hexToU8a(SELECTOR_CHECK), decision.query.toU8a());
    assert.equal(u8aToHex(blake2AsU8a(input, 256)), decision.inputHash.toHex());
    // The split the contract judged: 70 % Northbridge, 30 % Southport.
    assert.deepEqual(
      decision.query.split.map((p) => [p.funder.toNumber(), p.public.isTrue, p.amount.toBigInt()]),
      [[0, true, 210n * K], [SOUTHPORT, true, 90n * K]],
    );
    // Sending the recorded input again (a dry run) gets the same answer: Ok(Allow).
    const gasLimit = api.registry.createType('WeightV2', { refTime: 10_000_000_000n, proofSize: 256n * 1024n });
    const rerun = await api.call.reviveApi.call(keys.Ferdie.address, contract, 0, gasLimit, null, u8aToHex(input));
    assert.ok(rerun.result.isOk, rerun.result.toString());
    assert.equal(rerun.result.asOk.data.toHex(), '0x0000');
  });

  test('the same invoice cannot support a second payment', async () => {
    const { dispatchError } = await sendAndInclude(api.tx.disbursements.submitEvidence(
      agreement, 1, [document('PhysicalProgressReport', 'Section B', 'https://tramway.example/b.pdf')],
      [invoice('Invoice TB-2026-001', 300_000n * CIV)]), keys.Charlie);
    assert.equal(moduleError(api, dispatchError), 'disbursements.DuplicateInvoice');
  });

  test('the court opens a recovery; a late, partly met milestone pays with the penalty and the offset', async () => {
    const evidence = [document('PhysicalProgressReport', 'Tram line 3, section B: overhead line', 'https://tramway.example/b/report.pdf')];
    const [, { events }] = await Promise.all([
      submit(api, api.tx.disbursements.openRecovery(0, 10n * K, blake2AsHex('audit finding 7')), keys.Ferdie),
      submit(api, api.tx.disbursements.submitEvidence(
        agreement, 1, evidence, [invoice('Invoice TB-2026-002', 200_000n * CIV)]), keys.Charlie),
    ]);
    const { round, evidence: evidenceHash } = reviewOf(api, events);
    const recovery = (await api.query.disbursements.recoveries(0)).unwrap();
    assert.ok(recovery.status.isOpen);
    const charlie = await free(api, keys.Charlie.address);
    const received = await free(api, partner);
    const deposit = (await api.query.disbursements.milestones(agreement, 1)).unwrap().evidence.deposit.toBigInt();
    await Promise.all([
      submit(api, api.tx.disbursements.approve(
        agreement, 1, round, evidenceHash, { PartiallyMet: 900_000 }, blake2AsHex('site visit 2')), keys.Eve),
      submit(api, api.tx.disbursements.approve(
        agreement, 1, round, evidenceHash, { PartiallyMet: 900_000 }, blake2AsHex('payment check 2')), keys.Bob),
    ]);
    const paid = (await api.query.disbursements.disbursements(1)).unwrap();
    // 90 % of 200 000 = 180 000 gross; 3 days × 0.1 % = 540 penalty (left in
    // escrow); 9 000 retained; the 10 000 recovery offset; 160 460 paid.
    assert.deepEqual(
      [paid.gross, paid.penalty, paid.retention, paid.offset, paid.net].map((a) => a.toBigInt()),
      [180n * K, 540n * CIV, 9n * K, 10n * K, 160_460n * CIV],
    );
    assert.equal(await free(api, partner), received + 160_460n * CIV);
    assert.equal(await free(api, keys.Charlie.address), charlie + deposit);
    assert.ok((await api.query.disbursements.recoveries(0)).unwrap().status.isRecovered);
    assert.deepEqual(await poolHolds(api, northbridge), { Committed: 14_378n * CIV, Retention: 16_800n * CIV });
    assert.deepEqual(await poolHolds(api, southport), { Committed: 6_162n * CIV, Retention: 7_200n * CIV });
  });

  test('final acceptance releases the retention to the partner\'s organisation account and refunds the rest', async () => {
    const received = await free(api, partner);
    // Governance completes the agreement; settling it is open to anyone:
    // one call per private party's retention, then one for the refund.
    await submit(api, api.tx.utility.batchAll([
      api.tx.sudo.sudo(api.tx.agreements.complete(agreement)),
      api.tx.disbursements.settle(agreement),
      api.tx.disbursements.settle(agreement),
    ]), keys.Alice);
    assert.equal(await free(api, partner), received + 24n * K);
    assert.deepEqual(await poolHolds(api, northbridge), {});
    assert.deepEqual(await poolHolds(api, southport), {});
    const ledger = (await api.query.disbursements.ledgers(agreement)).unwrap();
    assert.equal(ledger.retentionReleased.toBigInt(), 24n * K);
    assert.equal(ledger.settlement.unwrap().refunded.toBigInt(), 20_540n * CIV);
    // Escrow: paid + retained + remaining + recovered + refunded = committed.
    const escrow = (await api.query.pools.escrows(agreement)).unwrap();
    assert.equal(escrow.paid.toBigInt(), 469_460n * CIV);
    assert.equal(escrow.recovered.toBigInt(), 10n * K);
    assert.equal(escrow.paid.toBigInt() + escrow.recovered.toBigInt() + escrow.refunded.toBigInt(), 500n * K);
  });

  test('no member\'s own key holds pledged, committed or retained money', async () => {
    for (const name of ['Alice', 'Bob', 'Charlie', 'Dave']) {
      assert.deepEqual(await poolHolds(api, keys[name].address), {}, name);
    }
  });

  test('the audit trail holds every step and its head is the hash chain of its entries', async () => {
    const trail = (await api.query.auditTrail.trails(agreement)).unwrap();
    const entries = [];
    for (let index = 0; index < trail.len.toNumber(); index += 1) {
      entries.push((await api.query.auditTrail.entries(agreement, index)).unwrap());
    }
    const actions = entries.slice(-13).map((e) => e.action.toString());
    // The recovery and the second evidence shared a block, in either order.
    const together = actions.splice(5, 2).sort();
    assert.deepEqual(together, ['EvidenceSubmitted', 'RecoveryOpened']);
    assert.deepEqual(actions, [
      'PoolCommitted', 'EvidenceSubmitted', 'VerdictGiven', 'VerdictGiven', 'MilestonePaid',
      'VerdictGiven', 'VerdictGiven', 'MilestonePaid', 'AgreementCompleted', 'RetentionReleased',
      'EscrowSettled',
    ]);
    const id = api.createType('u32', agreement).toU8a();
    let head = blake2AsU8a(u8aConcat(stringToU8a('civitas/audit-trail/v1'), id), 256);
    for (const entry of entries) head = blake2AsU8a(u8aConcat(head, entry.toU8a()), 256);
    assert.equal(u8aToHex(head), trail.head.toHex());
  });

  test('the ledger API answers from the metadata alone, page by page, and names bad input', async () => {
    // polkadot.js builds `api.call.ledgerApi` from the runtime's metadata:
    // no custom type definitions.
    const page = await api.call.ledgerApi.auditTrail(agreement, 0, 100);
    const stored = (await api.query.auditTrail.trails(agreement)).unwrap();
    assert.ok(page.isOk, page.toString());
    assert.equal(page.asOk.len.toNumber(), stored.len.toNumber());
    assert.equal(page.asOk.head.toHex(), stored.head.toHex());
    assert.equal(page.asOk.items.length, Math.min(100, stored.len.toNumber()));
    const ofPartner = await api.call.ledgerApi.agreementsOf(TRAMWAY_BUILDERS, null, 100);
    assert.ok(ofPartner.asOk.some(([id, role]) => id.toNumber() === agreement && role.isPrivateParty));
    const members = await api.call.ledgerApi.members(TRAMWAY_BUILDERS);
    assert.ok(members.asOk.some(([who]) => who.toHex() === u8aToHex(keys.Charlie.publicKey)));
    assert.ok((await api.call.ledgerApi.members(999)).asErr.isUnknownOrganisation);
    assert.ok((await api.call.ledgerApi.auditTrail(999_999, 0, 10)).asErr.isUnknownAgreement);
    assert.equal((await api.call.ledgerApi.auditTrail(agreement, 0, 101)).asErr.asPageTooLarge.max.toNumber(), 100);
  });
});
