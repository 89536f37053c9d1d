// The page's data layer: a read of the chain that runs again at a block — every block, or only
// the blocks whose events concern what it shows (`when`, see changes.ts) — and whenever its
// inputs change, keeps the last answer while the next one is on its way, and never has two reads
// of one query in flight (a read slower than a block is followed by one more read, not by one
// per block missed). When its `key` changes (another account), what was shown is dropped, and so
// is any answer still on its way for the old key.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiPromise } from '@polkadot/api';
import { useCtx } from './context';
import type { BlockChanges } from './changes';

export interface ChainQuery<T> {
  /** The last answer, or `initial` until the first arrives (for the current key). */
  data: T;
  /** Whether an answer arrived for the current key. */
  loaded: boolean;
  /** The last read's failure, if it failed (the previous answer is kept). */
  error: string | null;
}

export interface QueryOptions {
  /** False: do not read (no account chosen yet). */
  enabled?: boolean;
  /** False: read only when the inputs change, not at every block. */
  everyBlock?: boolean;
  /** Whose data this is (an account): a new key drops what the old one read. */
  key?: string | number;
}

/** Read again at a block only if `when(changes, lastAnswer)` (or the page must read everything). */
export interface ChangeOptions<T> extends QueryOptions {
  when?: (changes: BlockChanges, last: T) => boolean;
}

/** `read(api)` at every block and when `deps` change (compared one by one). */
export function useChainQuery<T>(
  read: (api: ApiPromise) => Promise<T>,
  deps: unknown[],
  initial: T,
  { enabled = true, everyBlock = true, key = '', when }: ChangeOptions<T> = {},
): ChainQuery<T> {
  const { api, changes } = useCtx();
  const [state, setState] = useState<ChainQuery<T>>({ data: initial, loaded: false, error: null });
  const reader = useRef(read);
  reader.current = read;
  const q = useRef({ epoch: 0, key, inFlight: false, again: false });
  if (q.current.key !== key) {
    q.current.key = key;
    q.current.epoch++;
  }
  const epoch = q.current.epoch;
  // The block whose changes last called for a read (seen once per block).
  const seen = useRef({ block: -1, read: 0 });
  if (everyBlock && changes.block !== seen.current.block) {
    seen.current.block = changes.block;
    if (changes.all || !when || when(changes, state.data)) seen.current.read = changes.block;
  }
  const readAt = everyBlock ? seen.current.read : -1;

  useEffect(() => {
    if (epoch > 0) setState({ data: initial, loaded: false, error: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [epoch]);

  useEffect(() => {
    if (!enabled) return;
    const s = q.current;
    const run = () => {
      if (s.inFlight) { s.again = true; return; }
      s.inFlight = true;
      const asked = s.epoch;
      reader.current(api).then(
        (data) => asked === s.epoch && setState({ data, loaded: true, error: null }),
        (e: unknown) => {
          // Kept in the query's state, and in the console for whoever looks.
          console.error('chain query failed:', e);
          if (asked === s.epoch) setState((old) => ({ ...old, error: String((e as Error)?.message ?? e) }));
        },
      ).finally(() => {
        s.inFlight = false;
        if (s.again) { s.again = false; run(); }
      });
    };
    run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, enabled, readAt, epoch, ...deps]);

  // Unmounted: no answer lands any more.
  useEffect(() => () => { q.current.epoch++; }, []);
  return state;
}
