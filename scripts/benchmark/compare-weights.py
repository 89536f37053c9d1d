#!/usr/bin/env python3
"""Per-call weights of Cascade's pallets, before and after, side by side (README "Weights").

    scripts/benchmark/compare-weights.py <old git revision> [<new revision>]

Reads each pallet's generated weights.rs and the runtime's storage price (DbWeight) at both
revisions (the new one defaults to the work tree) and prints a Markdown table: for every call,
the execution time the benchmark measured, its storage reads and writes, and the total ref time
the runtime charges — execution + reads × read price + writes × write price. A call with
components (p parts, n notes) is shown at one of each, with its per-component terms after it.
"""
import re
import subprocess
import sys

PALLETS = ["enterprises", "receivables", "financing", "validators", "council-root"]
ROCKSDB = (25_000_000, 100_000_000)  # frame_support's RocksDbWeight, ps per read / write


def source(rev, path):
    if rev is None:
        with open(path, encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True).stdout


def db_weight(rev):
    """(read, write) in ps: the runtime's DbWeight at `rev`."""
    system = source(rev, "runtime/src/configs/system.rs")
    if re.search(r"type DbWeight = RocksDbWeight", system):
        return ROCKSDB, "RocksDbWeight"
    generated = source(rev, "runtime/src/configs/paritydb_weights.rs")
    read = re.search(r"read: ([\d_]+) \* constants::WEIGHT_REF_TIME_PER_NANOS", generated)
    write = re.search(r"write: ([\d_]+) \* constants::WEIGHT_REF_TIME_PER_NANOS", generated)
    to_ps = lambda m: int(m.group(1).replace("_", "")) * 1000
    return (to_ps(read), to_ps(write)), "ParityDbWeight"


FN = re.compile(r"\tfn (\w+)\(([^)]*)\) -> Weight \{\n(.*?)\n\t\}", re.S)


def calls(rev, pallet):
    """{call: (exec ps, reads, writes, [(component, exec ps, reads, writes)])} of SubstrateWeight."""
    text = source(rev, f"pallets/{pallet}/src/weights.rs")
    impl = text[text.index("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>"):]
    impl = impl[: impl.index("\n}\n")]
    out = {}
    for name, params, body in FN.findall(impl):
        base = int(re.search(r"Weight::from_parts\(([\d_]+),", body).group(1).replace("_", ""))
        reads = sum(int(x.replace("_", "")) for x in re.findall(r"reads\(([\d_]+)_u64\)\)", body))
        writes = sum(int(x.replace("_", "")) for x in re.findall(r"writes\(([\d_]+)_u64\)\)", body))
        per = {}
        for ps, comp in re.findall(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body):
            per.setdefault(comp, [0, 0, 0])[0] += int(ps.replace("_", ""))
        for n, comp in re.findall(r"reads\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", body):
            per.setdefault(comp, [0, 0, 0])[1] += int(n.replace("_", ""))
        for n, comp in re.findall(r"writes\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", body):
            per.setdefault(comp, [0, 0, 0])[2] += int(n.replace("_", ""))
        out[name] = (base, reads, writes, [(c, *v) for c, v in sorted(per.items())])
    return out


def total(entry, price):
    base, reads, writes, per = entry
    ref = base + reads * price[0] + writes * price[1]
    for _, ps, r, w in per:
        ref += ps + r * price[0] + w * price[1]
    return ref


def describe(entry):
    base, reads, writes, per = entry
    text = f"{base / 1e6:.1f}, {reads}, {writes}"
    for comp, ps, r, w in per:
        text += f" (+{ps / 1e6:.1f} µs, {r} r, {w} w per {comp})"
    return text


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    old_rev, new_rev = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
    old_price, old_name = db_weight(old_rev)
    new_price, new_name = db_weight(new_rev)
    print(f"Storage price: before {old_name} (read {old_price[0] / 1e6:.1f} µs, write {old_price[1] / 1e6:.1f} µs); "
          f"after {new_name} (read {new_price[0] / 1e6:.1f} µs, write {new_price[1] / 1e6:.1f} µs).\n")
    print("| pallet | call | before: exec µs, reads, writes | before: charged µs | after: exec µs, reads, writes | after: charged µs | after / before |")
    print("|---|---|---|---:|---|---:|---:|")
    for pallet in PALLETS:
        try:
            old, new = calls(old_rev, pallet), calls(new_rev, pallet)
        except (subprocess.CalledProcessError, FileNotFoundError, ValueError):
            continue
        for name in new:
            if name not in old:
                continue
            a, b = total(old[name], old_price), total(new[name], new_price)
            print(f"| {pallet} | `{name}` | {describe(old[name])} | {a / 1e6:.1f} | {describe(new[name])} | {b / 1e6:.1f} | {b / a:.2f} |")


if __name__ == "__main__":
    main()
