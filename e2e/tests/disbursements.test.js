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
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

import { committedHash, deployConditions } from '../lib/conditions-contract.js';
import {
  CIV, NORTHBRIDGE, SOUTHPORT, TRAMWAY_BUILDERS, activateDemoAgreement, approvePool, moduleError,
  organisationAccount, submit, terms as demoTerms,
} from '../lib/demo-agreement.js';
import { auditBinary, examplesPython, finalizedHeight, rpc, startDevNode, waitFor } from '../lib/node.js';
import { document, invoice, reviewOf } from '../lib/evidence.js';
import { sendAndInclude } from '../lib/tx.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const K = 1_000n * CIV;
/** The contract's `check` selector (docs/auditor.md). */
const SELECTOR_CHECK = '0xc171a502';
/** OCDS `physicalProgressReport`: the document type the contract requires. */
const PROGRESS_REPORT = 8;

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
  /** A block after the pool committed and before any payout. */
  let committedAt;
  const partner = organisationAccount(TRAMWAY_BUILDERS);
  const northbridge = organisationAccount(NORTHBRIDGE);
  const southport = organisationAccount(SOUTHPORT);
  const now = Date.now();

  before(async () => {
    await cryptoWaitReady();
    // An archive node, as auditors run: the OCDS export reads the state of
    // every block that changed the agreement.
    node = await startDevNode({ extraArgs: ['--state-pruning', 'archive'] });
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
    committedAt = (await api.rpc.chain.getBlockHash()).toHex();
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
  // The auditors' JSON-RPC (docs/auditor.md), against the story above.

  /** `civitas_<method>`'s result, or its error. */
  function civitas(method, params) {
    return rpc(node.rpcUrl, `civitas_${method}`, params);
  }

  /** An amount as the RPC writes it: whole tokens with every decimal place. */
  function tokens(amount) {
    return `${amount / CIV}.${(amount % CIV).toString().padStart(12, '0')}`;
  }

  test('civitas_organisation names an organisation, its account and members in SS58', async () => {
    const { result } = await civitas('organisation', [TRAMWAY_BUILDERS]);
    assert.equal(result.id, TRAMWAY_BUILDERS);
    assert.equal(result.kind, 'privatePartner');
    assert.equal(result.status, 'active');
    assert.equal(result.account, api.createType('AccountId', partner).toString());
    const charlie = result.members.find((member) => member.account === keys.Charlie.address);
    assert.ok(charlie, JSON.stringify(result.members));
    assert.ok(charlie.roles.includes('financeOfficer'));
    assert.match(result.at.hash, /^0x[0-9a-f]{64}$/);
  });

  test('civitas_agreement gives every version with its signatures; civitas_agreements lists by party and stage', async () => {
    const { result } = await civitas('agreement', [agreement]);
    assert.equal(result.status.stage, 'completed');
    assert.equal(result.versions.length, 1);
    const [version] = result.versions;
    const stored = (await api.query.agreements.versions(agreement, 0)).unwrap();
    assert.equal(version.termsHash, stored.termsHash.toHex());
    assert.equal(version.signatures.length, result.parties.length);
    assert.equal(version.terms.value, tokens(1_000_000n * CIV));
    assert.equal(version.terms.milestones[1].type, 'delivery');
    assert.match(version.terms.period.startDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const ofPartner = (await civitas('agreements', [{ organisation: TRAMWAY_BUILDERS }])).result;
    assert.ok(ofPartner.agreements.some((entry) => entry.id === agreement && entry.role === 'privateParty'));
    const completed = (await civitas('agreements', [{ stage: 'completed', limit: 100 }])).result;
    assert.ok(completed.agreements.some((entry) => entry.id === agreement));
    const active = (await civitas('agreements', [{ stage: 'active' }])).result;
    assert.ok(!active.agreements.some((entry) => entry.id === agreement));
  });

  test('civitas_milestones, civitas_payouts and civitas_funding say what the ledger paid, in exact decimal strings', async () => {
    const { result: { milestones } } = await civitas('milestones', [agreement]);
    assert.deepEqual(milestones.map((m) => m.status), ['met', 'partiallyMet']);
    assert.equal(milestones[1].review.state.state, 'paid');
    assert.equal(milestones[1].review.state.fraction, '0.9');
    assert.equal(milestones[0].review.verdicts.length, 2);
    const report = milestones[0].review.evidence.documents[0];
    assert.equal(report.type, 'physicalProgressReport');
    assert.match(report.sha256, /^0x[0-9a-f]{64}$/);

    const { result: { payouts, token } } = await civitas('payouts', [agreement]);
    assert.deepEqual(token, { symbol: 'CIV', decimals: 12 });
    assert.equal(payouts.length, 2);
    for (const payout of payouts) {
      const stored = (await api.query.disbursements.disbursements(payout.id)).unwrap();
      assert.equal(payout.gross, tokens(stored.gross.toBigInt()));
      assert.equal(payout.net, tokens(stored.net.toBigInt()));
      assert.equal(payout.payee, api.createType('AccountId', partner).toString());
      assert.equal(payout.decision.answer.decision, 'allow');
      assert.equal(payout.decision.codeHash, committedHash);
    }
    assert.equal(payouts[1].penalty, tokens(540n * CIV));
    assert.deepEqual(payouts[1].offsets.map((o) => o.amount), [tokens(10n * K)]);

    const { result: funding } = await civitas('funding', [agreement]);
    assert.equal(funding.pool.status.state, 'committed');
    assert.equal(funding.escrow.paid, tokens(469_460n * CIV));
    assert.equal(funding.ledger.settlement.completed, true);
    const { result: recoveries } = await civitas('recoveries', [agreement]);
    assert.deepEqual(recoveries.recoveries.map((r) => [r.id, r.status.state]), [[0, 'recovered']]);
    const { result: disputes } = await civitas('disputes', [agreement]);
    assert.equal(disputes.open, null);
  });

  test('civitas_auditTrail pages the trail, and its entries hash to the stored head', async () => {
    const stored = (await api.query.auditTrail.trails(agreement)).unwrap();
    const first = (await civitas('auditTrail', [agreement, 0, 10])).result;
    const rest = (await civitas('auditTrail', [agreement, 10, 100])).result;
    assert.equal(first.length, stored.len.toNumber());
    assert.equal(first.head, stored.head.toHex());
    const entries = [...first.entries, ...rest.entries];
    assert.equal(entries.length, stored.len.toNumber());
    assert.deepEqual(entries.map((entry) => entry.index), entries.map((_, index) => index));
    let head = blake2AsU8a(u8aConcat(stringToU8a('civitas/audit-trail/v1'), api.createType('u32', agreement).toU8a()), 256);
    for (const entry of entries) head = blake2AsU8a(u8aConcat(head, hexToU8a(entry.encoded)), 256);
    assert.equal(u8aToHex(head), stored.head.toHex());
    assert.equal(entries.at(-1).action, 'escrowSettled');
  });

  test('every method reads a past block: before any payout nothing was paid', async () => {
    const { result: { milestones, at } } = await civitas('milestones', [agreement, committedAt]);
    assert.equal(at.hash, committedAt);
    assert.deepEqual(milestones.map((m) => [m.status, m.review]), [['scheduled', null], ['scheduled', null]]);
    assert.deepEqual((await civitas('payouts', [agreement, committedAt])).result.payouts, []);
    assert.equal((await civitas('agreement', [agreement, committedAt])).result.status.stage, 'active');
    const trail = (await civitas('auditTrail', [agreement, 0, 100, committedAt])).result;
    assert.ok(trail.length < (await civitas('auditTrail', [agreement])).result.length);
    assert.equal(trail.entries.at(-1).action, 'poolCommitted');

    const funding = (await civitas('funding', [agreement, committedAt])).result;
    assert.equal(funding.escrow.paid, tokens(0n));
    assert.equal(funding.ledger, null);
    assert.deepEqual((await civitas('recoveries', [agreement, null, null, committedAt])).result.recoveries, []);
    assert.equal((await civitas('disputes', [agreement, committedAt])).result.at.hash, committedAt);
    assert.equal((await civitas('organisation', [TRAMWAY_BUILDERS, committedAt])).result.at.hash, committedAt);
    const active = (await civitas('agreements', [{ stage: 'active' }, committedAt])).result;
    assert.ok(active.agreements.some((entry) => entry.id === agreement));
    // The OCDS export as of then: its releases end at that block, with no
    // transaction yet.
    const committedNumber = (await api.rpc.chain.getHeader(committedAt)).number.toNumber();
    const releases = (await civitas('ocdsReleasePackage', [agreement, committedAt])).result.releases;
    assert.ok(releases.at(-1).ledger.block <= committedNumber);
    assert.deepEqual(releases.at(-1).contracts[0].implementation.transactions, []);
    const record = (await civitas('ocdsRecordPackage', [agreement, committedAt])).result.records[0];
    assert.equal(record.releases.length, releases.length);
    assert.equal(record.compiledRelease.ledger.auditTrail.head, trail.head);
  });

  test('every method names an unknown agreement and refuses a malformed block hash', async () => {
    const byAgreement = ['agreement', 'funding', 'milestones', 'payouts', 'recoveries', 'disputes', 'auditTrail',
      'ocdsReleasePackage', 'ocdsRecordPackage', 'auditBundle'];
    for (const method of byAgreement) {
      const { error } = await civitas(method, [999_999]);
      assert.equal(error?.code, 4004, `${method}: ${JSON.stringify(error)}`);
      assert.match(error.message, /^no agreement 999999 at block #\d+$/, method);
    }
    const malformed = [...byAgreement.map((method) => [method, agreement]), ['organisation', TRAMWAY_BUILDERS],
      ['agreements', { stage: 'active' }]];
    for (const [method, first] of malformed) {
      // The block parameter is last: after the page arguments where there are some.
      const pages = ['recoveries', 'auditTrail'].includes(method) ? [null, null] : [];
      const { error } = await civitas(method, [first, ...pages, '0x1234']);
      assert.equal(error?.code, -32602, `${method}: ${JSON.stringify(error)}`);
    }
    assert.equal((await civitas('recoveries', [agreement, null, 101])).error.code, 4005);
    assert.equal((await civitas('agreements', [{ organisation: TRAMWAY_BUILDERS, limit: 101 }])).error.code, 4005);
  });

  test('bad input gets a clear JSON-RPC error and the node keeps serving', async () => {
    const unknown = await civitas('agreement', [999_999]);
    assert.equal(unknown.error.code, 4004);
    assert.match(unknown.error.message, /^no agreement 999999 at block #\d+$/);
    assert.equal((await civitas('organisation', [999])).error.code, 4004);
    const malformed = await civitas('milestones', [agreement, '0x1234']);
    assert.equal(malformed.error.code, -32602, JSON.stringify(malformed));
    const nowhere = await civitas('milestones', [agreement, `0x${'ab'.repeat(32)}`]);
    assert.equal(nowhere.error.code, 4001);
    assert.match(nowhere.error.message, /is known to this node/);
    const oversize = await civitas('auditTrail', [agreement, 0, 101]);
    assert.deepEqual([oversize.error.code, oversize.error.message], [4005, 'a page holds at most 100 items']);
    const both = await civitas('agreements', [{ organisation: 2, stage: 'active' }]);
    assert.equal(both.error.code, 4006);
    const stage = await civitas('agreements', [{ stage: 'finished' }]);
    assert.match(stage.error.message, /unknown stage "finished"/);
    const extra = await civitas('agreements', [{ organisation: 2, colour: 'red' }]);
    assert.equal(extra.error.code, -32602);
    assert.ok((await rpc(node.rpcUrl, 'system_health')).result, 'the node still answers');
    assert.equal((await civitas('agreement', [agreement])).result.id, agreement);
  });

  test('the OCDS release and record packages validate against OCDS 1.1.5, with and without the Civitas extension', async () => {
    const validator = fileURLToPath(new URL('../../ocds/validate.py', import.meta.url));
    const dir = await mkdtemp(join(tmpdir(), 'civitas-ocds-'));
    /** Runs ocds/validate.py (Python jsonschema) on `data`; { status, output }. */
    const validate = async (name, data) => {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(data, null, 1));
      const run = spawnSync('python3', [validator, file], { encoding: 'utf8' });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    };
    try {
      const releases = (await civitas('ocdsReleasePackage', [agreement])).result;
      const trail = (await civitas('auditTrail', [agreement])).result;
      // One release per block that changed the agreement, oldest first.
      const blocks = [...new Set(trail.entries.map((entry) => entry.block.block))];
      assert.deepEqual(releases.releases.map((r) => r.ledger.block), blocks);
      const last = releases.releases.at(-1);
      assert.equal(last.ocid, 'ocds-civdev-' + agreement);
      assert.equal(last.ledger.auditTrail.head, trail.head);
      assert.equal(last.contracts[0].status, 'terminated');
      assert.deepEqual(last.contracts[0].milestones.map((m) => m.status), ['met', 'partiallyMet']);
      // Every payment to the partner is a transaction: each co-funder's
      // part of each payout, and the retention each released at the end.
      const exact = (value) => BigInt(value.replace('.', ''));
      const transactions = last.contracts[0].implementation.transactions;
      const sum = (kind) => transactions.filter((t) => t.kind === kind)
        .reduce((total, t) => total + exact(t.value.amountExact), 0n);
      const payouts = (await civitas('payouts', [agreement])).result.payouts;
      const split = payouts.flatMap((p) => p.split).reduce((total, s) => total + exact(s.paid), 0n);
      assert.equal(sum('payout'), split);
      const { ledger } = (await civitas('funding', [agreement])).result;
      assert.ok(exact(ledger.retentionReleased) > 0n);
      assert.equal(sum('retentionRelease'), exact(ledger.retentionReleased));
      const released = transactions.filter((t) => t.kind === 'retentionRelease');
      assert.deepEqual(released.map((t) => t.payer.name).sort(), ['City of Northbridge', 'City of Southport']);
      assert.ok(released.every((t) => t.payee.name === 'Tramway Builders SA'));
      const tags = releases.releases.map((r) => r.tag);
      assert.ok(tags.some((t) => t.includes('implementation')), JSON.stringify(tags));
      assert.ok(releases.releases.every((r) => r.ledger.auditTrail.changes.every((c) => Number.isInteger(c.extrinsicIndex))));

      let check = await validate('releases.json', releases);
      assert.equal(check.status, 0, check.output);
      assert.match(check.output, /valid release-package .* against OCDS 1\.1\.5\n/);
      assert.match(check.output, /with the Civitas extension; every field declared/);
      const records = (await civitas('ocdsRecordPackage', [agreement])).result;
      assert.equal(records.records[0].releases.length, releases.releases.length);
      assert.equal(records.records[0].compiledRelease.tag[0], 'compiled');
      check = await validate('records.json', records);
      assert.equal(check.status, 0, check.output);

      // The validator is not a rubber stamp: a currency outside ISO 4217,
      // or a field neither OCDS nor the extension declares, fails it.
      const badCurrency = structuredClone(releases);
      badCurrency.releases[0].contracts[0].value.currency = 'CIV';
      assert.equal((await validate('bad-currency.json', badCurrency)).status, 1);
      const undeclared = structuredClone(releases);
      undeclared.releases[0].contracts[0].milestones[0].colour = 'red';
      check = await validate('undeclared.json', undeclared);
      assert.equal(check.status, 1);
      assert.match(check.output, /milestones\[0\]\.colour/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  test('civitas-audit verifies a bundle from the chain, and rejects a removed entry, a changed byte and another block\'s proof', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'civitas-bundle-'));
    /** Runs `civitas-audit verify` on `bundle`; { status, output }. */
    const verify = async (name, bundle, authorities) => {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(bundle, null, 1));
      const args = ['verify', file];
      if (authorities) {
        args.push('--authorities', join(dir, `${name}.authorities`));
        await writeFile(args.at(-1), JSON.stringify(authorities));
      }
      const run = spawnSync(auditBinary(), args, { encoding: 'utf8' });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    };
    /** A GRANDPA authority set of the dev keys `names`, known without asking the node. */
    const authoritySet = (names) => ({
      setId: 0,
      authorities: names.map((name) => ({
        id: u8aToHex(new Keyring({ type: 'ed25519' }).addFromUri(`//${name}`).publicKey),
        weight: 1,
      })),
    });
    try {
      // A finalised block, so that the bundle carries GRANDPA finality.
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      await waitFor('the best block finalised', async () => (await finalizedHeight(node.rpcUrl)) >= best);
      const at = (await api.rpc.chain.getBlockHash(best)).toHex();
      const { result: bundle, error } = await civitas('auditBundle', [agreement, at]);
      assert.ok(bundle, JSON.stringify(error));
      assert.equal(bundle.block.hash, at);
      assert.ok(bundle.finality, 'a finalised block comes with its finality');
      const stored = (await api.query.auditTrail.trails(agreement)).unwrap();
      assert.equal(bundle.trail.length, stored.len.toNumber());
      assert.equal(bundle.trail.entries.length, stored.len.toNumber());

      let check = await verify('bundle.json', bundle);
      assert.equal(check.status, 0, check.output);
      assert.match(check.output, /verified: the read proof shows agreement \d+'s trail at that state root/);
      assert.match(check.output, /verified: the \d+ entries hash, in order, to the stored head/);
      assert.match(check.output, /verified: block #\d+ is final/);
      assert.match(check.output, /trusted: +the bundle's GRANDPA authority set 0 \(1 authorities/);

      // The dev chain's set is Alice's ed25519 key: with it given, nothing
      // about finality is taken from the bundle; with another, it fails.
      check = await verify('bundle.json', bundle, authoritySet(['Alice']));
      assert.equal(check.status, 0, check.output);
      assert.match(check.output, /verified: finality was checked against the given GRANDPA authority set 0/);
      assert.doesNotMatch(check.output, /trusted:.*authority set/);
      check = await verify('bundle.json', bundle, authoritySet(['Bob']));
      assert.equal(check.status, 1, check.output);
      assert.match(check.output, /REJECTED: precommit 0 is by .*, not an authority of the set/);

      const removed = structuredClone(bundle);
      removed.trail.entries.splice(3, 1);
      check = await verify('removed.json', removed);
      assert.equal(check.status, 1);
      assert.match(check.output, /REJECTED: the bundle lists \d+ entries; the chain stores \d+/);

      const changed = structuredClone(bundle);
      const entry = changed.trail.entries[2];
      // The last byte belongs to the entry's data hash.
      changed.trail.entries[2] = entry.slice(0, -2) + (entry.slice(-2) === '00' ? '01' : '00');
      check = await verify('changed.json', changed);
      assert.equal(check.status, 1);
      assert.match(check.output, /REJECTED: the \d+ entries hash to 0x[0-9a-f]{64}, not to the stored head/);

      // The proof read at the block where the pool committed, under this block's header.
      const { result: earlier } = await civitas('auditBundle', [agreement, committedAt]);
      const mixed = structuredClone(bundle);
      mixed.proof = earlier.proof;
      check = await verify('mixed.json', mixed);
      assert.equal(check.status, 1);
      assert.match(check.output, /REJECTED: the read proof does not prove agreement \d+'s trail under the state root/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('docs/examples/fiscal_year_end.py reads, with substrate-interface, what was paid by a past moment', async () => {
    const script = fileURLToPath(new URL('../../docs/examples/fiscal_year_end.py', import.meta.url));
    const { payouts } = (await civitas('payouts', [agreement])).result;
    // The example searches finalised blocks: wait for the settlement's.
    const settled = (await civitas('funding', [agreement])).result.ledger.settlement.at.block;
    await waitFor('the settlement finalised', async () => (await finalizedHeight(node.rpcUrl)) >= settled);
    const run = (moment) => {
      const result = spawnSync(examplesPython(), [script, node.wsUrl, String(agreement), moment], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
      return result.stdout;
    };

    // A year that ended just before the second payout: only the first was paid.
    const before = new Date(Date.parse(payouts[1].paid.time) - 1).toISOString();
    let output = run(before);
    assert.match(output, new RegExp(`^agreement ${agreement} at block #${payouts[1].paid.block - 1} `));
    assert.match(output, new RegExp(`payout 0: milestone 0, .*, net ${payouts[0].net} CIV\n`));
    assert.doesNotMatch(output, /payout 1:/);
    assert.match(output, new RegExp(`paid to the payee: ${payouts[0].net} CIV\n`));

    // A year that ends later: both payouts, and the retention released.
    output = run(new Date(Date.now() + DAY).toISOString());
    assert.match(output, /payout 1: milestone 1, /);
    const net = payouts.reduce((sum, payout) => sum + BigInt(payout.net.replace('.', '')), 0n);
    assert.match(output, new RegExp(`paid to the payee: ${tokens(net)} CIV\n`));
    assert.match(output, /retention released at final acceptance: 24000\.000000000000 CIV\n/);
  });
});
