// What every view needs: the node, the reader's language, the asset's unit, who signs, the
// chain's clock and block, and the enterprises' names.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiPromise } from '@polkadot/api';
import type { Account } from './chain';
import type { Enterprise } from './ledger';
import type { Activity } from './components';
import { translate, type Key, type Lang } from './i18n';
import { formatAmount } from './units';
import type { BlockChanges } from './changes';

export interface Ctx {
  api: ApiPromise;
  lang: Lang;
  /** The signing account (null until the wallet answers). */
  account: Account | null;
  /** The settlement asset (id 1 on the dev chain) and its unit. */
  asset: number;
  unit: { symbol: string; decimals: number };
  /** The chain's clock (ms) and best block number; views reload when the block changes. */
  now: number;
  block: number;
  /** What the block changed: a list is read again only when it concerns what the list shows. */
  changes: BlockChanges;
  enterprises: Map<string, Enterprise>;
  /** The indexer's address (`?indexer=`): history, statements and the maturity ladder; null
   * without one (the page then says history is unavailable). */
  indexer: string | null;
  /** Record a transaction's progress in the page's activity list. */
  report: (a: Activity) => void;
}

export const CtxContext = createContext<Ctx | null>(null);

/** The context plus the helpers every view uses to write text, amounts, dates and names. */
export function useCtx() {
  const ctx = useContext(CtxContext);
  if (!ctx) throw new Error('useCtx outside the app');
  const locale = ctx.lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    ...ctx,
    locale,
    t: (key: Key, params?: Record<string, string | number>) => translate(ctx.lang, key, params),
    /** Minor units as `12,345.67 CNY`. */
    money: (v: bigint | string | number) => `${formatAmount(BigInt(v), ctx.unit.decimals, locale)} ${ctx.unit.symbol}`,
    /** A chain time (ms) in the reader's time zone. */
    date: (ms: number | bigint) => new Date(Number(ms)).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    /** An account by its enterprise name, else its address shortened. */
    nameOf: (address: string | null | undefined) => {
      if (!address) return '';
      return ctx.enterprises.get(address)?.name ?? `${address.slice(0, 6)}…${address.slice(-4)}`;
    },
    /** Parts per million a year as a percentage: 36500 → `3.65 %`. */
    rate: (ppm: number) => `${(ppm / 10_000).toFixed(2)} %`,
  };
}
