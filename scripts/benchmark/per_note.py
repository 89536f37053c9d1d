"""What clearing is charged against what it costs: see per-note.sh.

Arguments: the receivables pallet's weights.rs, the runtime's paritydb_weights.rs, and the
measured slopes (slopes.hbs output). Prints a ratio report; exits 1 when a charge is below its
measured cost by more than 10 %.
"""
import re
import sys

TOLERANCE = 1.10


def db_weights(path):
    text = open(path).read()
    read = re.search(r"read:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", text)
    write = re.search(r"write:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS", text)
    if not read or not write:
        sys.exit(f"{path}: no read/write weights found")
    return int(read[1].replace("_", "")) * 1000, int(write[1].replace("_", "")) * 1000


def charged_settle(path):
    """settle(n) of weights.rs as (base ps, base reads, base writes, slope ps, reads, writes)."""
    text = open(path).read()
    impl = text[text.index("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>"):]
    m = re.search(r"fn settle\(n: u32, \) -> Weight \{(.*?)\n\t\}", impl, re.S)
    if not m:
        sys.exit(f"{path}: no settle(n) weight found")
    body = m[1]
    num = lambda s: int(s.replace("_", ""))
    base = re.search(r"Weight::from_parts\(([\d_]+), [\d_]+\)\n", body)
    slope = re.search(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\(n\.into\(\)\)", body)
    reads = re.search(r"reads\(([\d_]+)_u64\)\)", body)
    writes = re.search(r"writes\(([\d_]+)_u64\)\)", body)
    reads_n = re.search(r"reads\(\(([\d_]+)_u64\)\.saturating_mul", body)
    writes_n = re.search(r"writes\(\(([\d_]+)_u64\)\.saturating_mul", body)
    get = lambda m: num(m[1]) if m else 0
    return tuple(get(x) for x in (base, reads, writes, slope, reads_n, writes_n))


def measured(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if not parts:
            continue
        fields = dict(p.split("=", 1) for p in parts[1:])
        out[parts[0]] = {k: int(v) for k, v in fields.items()}
    return out


def main():
    weights, db, slopes = sys.argv[1:4]
    r, w = db_weights(db)
    base, reads, writes, slope, reads_n, writes_n = charged_settle(weights)
    per_note = slope + reads_n * r + writes_n * w
    intercept = base + reads * r + writes * w
    # on_idle charges a turn `clear_receivable_weight` (settle(0) and one read) and one more
    # read for finding the next due receivable, then each note visited `per_note`.
    per_turn = intercept + 2 * r + per_note
    m = measured(slopes)
    rows = []
    for name, charged, what in (
        ("clear_notes", per_note, "one more worst note in a walk"),
        ("clear_receivables", per_turn, "one more due receivable of one worst note"),
    ):
        if name not in m:
            sys.exit(f"{slopes}: no {name} measured")
        b = m[name]
        cost = b.get("slope.n", 0) + b.get("reads.n", 0) * r + b.get("writes.n", 0) * w
        rows.append((name, what, charged, cost))
    print(f"storage priced at {r / 1e6:.1f} µs a read, {w / 1e6:.1f} µs a write")
    print(f"{'measured on_idle':<20} {'charged µs':>11} {'measured µs':>12} {'ratio':>6}  what")
    failed = False
    for name, what, charged, cost in rows:
        ratio = charged / cost if cost else float("inf")
        ok = charged * TOLERANCE >= cost
        failed |= not ok
        flag = "" if ok else "  <-- charged below the cost"
        print(f"{name:<20} {charged / 1e6:>11.1f} {cost / 1e6:>12.1f} {ratio:>6.2f}  {what}{flag}")
    if failed:
        print(f"FAIL: a charge is more than {round((TOLERANCE - 1) * 100)} % below what it costs")
        sys.exit(1)
    print(f"ok: every charge is at least the measured cost within {round((TOLERANCE - 1) * 100)} %")


main()
