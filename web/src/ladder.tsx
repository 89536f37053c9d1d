// The maturity ladder as SVG: what falls due per week (bars), with what fell due before this week
// and is still unpaid, and what falls due after the last week shown. The numbers come from the
// indexer (history.ts); the page draws them and writes each bar's amount as its tooltip.
import type { ComponentChildren } from 'preact';
import { useCtx } from './context';
import { useChainQuery } from './data';
import * as history from './history';

const BAR_W = 34;
const GAP = 8;
const H = 120;
const LABEL_H = 34;

/** One ladder: `rungs` over the weeks starting at `weeks[i]`. */
export function LadderChart({ weeks, rungs, testId }: { weeks: number[]; rungs: history.Rungs; testId: string }) {
  const { t, money, locale } = useCtx();
  const columns: { label: string; amount: bigint; key: string }[] = [
    { label: t('ladder.earlier'), amount: BigInt(rungs.earlier), key: 'earlier' },
    ...weeks.map((w, i) => ({
      label: new Date(w).toLocaleDateString(locale, { month: 'numeric', day: 'numeric', timeZone: 'Asia/Shanghai' }),
      amount: BigInt(rungs.weeks[i] ?? '0'),
      key: `week-${i}`,
    })),
    { label: t('ladder.later'), amount: BigInt(rungs.later), key: 'later' },
  ];
  const max = columns.reduce((m, c) => (c.amount > m ? c.amount : m), 0n);
  const width = columns.length * (BAR_W + GAP) + GAP;
  return (
    <svg class="ladder" data-testid={testId} data-total={rungs.total} width={width} height={H + LABEL_H}
      viewBox={`0 0 ${width} ${H + LABEL_H}`} role="img" aria-label={`${t('ladder.total')}: ${money(rungs.total)}`}>
      <line x1={0} y1={H} x2={width} y2={H} class="axis" />
      {columns.map((c, i) => {
        // Heights in proportion to the largest bar (at least 1 px for anything due).
        const h = max === 0n ? 0 : Math.max(c.amount > 0n ? 1 : 0, Number((c.amount * BigInt(H - 10)) / max));
        const x = GAP + i * (BAR_W + GAP);
        return (
          <g key={c.key} data-testid={`${testId}-${c.key}`} data-amount={c.amount.toString()}>
            <title>{`${c.label}: ${money(c.amount)}`}</title>
            <rect x={x} y={H - h} width={BAR_W} height={h} class={c.key === 'earlier' ? 'bar late' : 'bar'} />
            <text x={x + BAR_W / 2} y={H + 14} text-anchor="middle">{c.label}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** The maturity ladder of the signing account: `pick` chooses what to draw from its ladder. */
export function LadderSection({ who, title, pick }: {
  who: string;
  title: string;
  pick: (l: history.Ladder) => { key: string; heading?: ComponentChildren; rungs: history.Rungs }[];
}) {
  const { t, indexer, money } = useCtx();
  const { data, loaded, error } = useChainQuery(
    () => history.ladder(indexer!, who, 12),
    [who, indexer],
    null as history.Ladder | null,
    { enabled: !!indexer && !!who, key: who },
  );
  return (
    <section data-testid="ladder-section">
      <h2>{title}</h2>
      {!indexer ? <p class="hint" data-testid="history-unavailable">{t('history.unavailable')}</p>
        : error && !data ? <p class="refusal">{t('history.failed', { reason: error })}</p>
        : !loaded || !data ? <p>{t('app.loading')}</p>
        : pick(data).length === 0 ? <p>{t('ladder.none')}</p>
        : pick(data).map(({ key, heading, rungs }) => (
          <div key={key} class="ladder-row">
            {heading && <h3>{heading}</h3>}
            <LadderChart weeks={data.weeks} rungs={rungs} testId={`ladder-${key}`} />
            <p class="hint">{t('ladder.total')}: <span data-testid={`ladder-${key}-total`}>{money(rungs.total)}</span></p>
          </div>
        ))}
    </section>
  );
}
