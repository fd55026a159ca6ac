#!/usr/bin/env python3
"""What an agreement had paid by the end of a fiscal year, read from an archive node.

    pip install -r docs/examples/requirements.txt   (substrate-interface, pinned)
    python3 docs/examples/fiscal_year_end.py ws://127.0.0.1:9944 0 2026-12-31T23:59:59Z

Finds the last block authored at or before the moment given (a binary search
on each block's timestamp), then asks the node's `civitas_payouts` and
`civitas_funding` at that block. Amounts are exact decimal strings: they are
summed with `Decimal`, never with floats.
"""

import sys
from datetime import datetime
from decimal import Decimal

from substrateinterface import SubstrateInterface


def time_of(substrate, number):
    """The timestamp (milliseconds) of block `number`; 0 for genesis."""
    block_hash = substrate.get_block_hash(number)
    return substrate.query("Timestamp", "Now", block_hash=block_hash).value


def last_block_at(substrate, moment_ms):
    """The number of the last finalised block authored at or before `moment_ms`."""
    low, high = 0, substrate.get_block_number(substrate.get_chain_finalised_head())
    if time_of(substrate, high) <= moment_ms:
        return high
    while low < high - 1:
        middle = (low + high) // 2
        if time_of(substrate, middle) <= moment_ms:
            low = middle
        else:
            high = middle
    return low


def main(url, agreement, moment):
    substrate = SubstrateInterface(url=url)
    moment_ms = int(datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp() * 1000)
    number = last_block_at(substrate, moment_ms)
    block_hash = substrate.get_block_hash(number)

    payouts = substrate.rpc_request("civitas_payouts", [agreement, block_hash])["result"]
    funding = substrate.rpc_request("civitas_funding", [agreement, block_hash])["result"]
    symbol = payouts["token"]["symbol"]
    print(f"agreement {agreement} at block #{number} ({block_hash}), the last one by {moment}:")
    for payout in payouts["payouts"]:
        print(
            f"  payout {payout['id']}: milestone {payout['milestone']}, {payout['paid']['time']}, "
            f"gross {payout['gross']}, net {payout['net']} {symbol}"
        )
    net = sum((Decimal(payout["net"]) for payout in payouts["payouts"]), Decimal(0))
    print(f"  paid to the payee: {net} {symbol}")
    if funding["ledger"]:
        print(f"  retention released at final acceptance: {funding['ledger']['retentionReleased']} {symbol}")
    if funding["escrow"]:
        print(f"  committed {funding['escrow']['committed']}, paid from escrow {funding['escrow']['paid']} {symbol}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
