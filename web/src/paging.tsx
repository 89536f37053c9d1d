// A list read from the chain one page at a time (`cascade_*Of` with a cursor): the page shown is
// read again at a block whose events name the list's subject or an item on the page (changes.ts)
// — at most one request a block whatever the list's length, none at a block that does not
// concern it — and moving on reads the next page from the cursor the last one gave; moving back
// uses the cursors kept.
import { useState } from 'preact/hooks';
import type { ListMethod } from '@cascade/api';
import * as ledger from './ledger';
import { useChainQuery } from './data';
import { useCtx } from './context';
import { touches } from './changes';

export interface ChainPage<T> {
  items: T[];
  loaded: boolean;
  /** 0-based index of the page shown. */
  index: number;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
}

/**
 * Page `index` of `method(subject)`, `size` items a page; `ids(item)`: the ledger ids (changes.ts
 * `id`) whose events change how an item reads (its own, its note's, its receivable's).
 */
export function useChainPage<T>(method: ListMethod, subject: string, size: number, ids: (item: T) => string[], enabled = true): ChainPage<T> {
  // cursors[i]: where page i starts (null: the first).
  const [at, setAt] = useState({ subject, cursors: [null] as (string | null)[], index: 0 });
  const current = at.subject === subject ? at : { subject, cursors: [null], index: 0 };
  if (current !== at) setAt(current);
  const cursor = current.cursors[current.index];
  const { data, loaded } = useChainQuery(
    (api) => ledger.page<T>(api, method, subject, cursor, size),
    [method, subject, cursor, size],
    { items: [] as T[], next: null as string | null },
    {
      enabled: enabled && !!subject,
      key: `${subject}/${cursor ?? ''}`,
      when: (changes, last) => touches(changes, subject, last.items.flatMap(ids)),
    },
  );
  return {
    items: data.items,
    loaded,
    index: current.index,
    hasNext: !!data.next,
    next: () => {
      if (!data.next) return;
      const cursors = [...current.cursors.slice(0, current.index + 1), data.next];
      setAt({ subject, cursors, index: current.index + 1 });
    },
    prev: () => setAt({ ...current, index: Math.max(0, current.index - 1) }),
  };
}

/** ‹ Page n › for a list read a page at a time. */
export function CursorPager({ page, testId }: { page: ChainPage<unknown>; testId: string }) {
  const { t } = useCtx();
  if (page.index === 0 && !page.hasNext) return null;
  return (
    <div class="pager">
      <button class="plain" data-testid={`${testId}-prev`} disabled={page.index === 0} onClick={page.prev}>‹</button>
      <span data-testid={`${testId}-page`}>{t('pager.pageOnly', { page: page.index + 1 })}</span>
      <button class="plain" data-testid={`${testId}-next`} disabled={!page.hasNext} onClick={page.next}>›</button>
    </div>
  );
}
