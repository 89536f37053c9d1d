// 对账单: the account's statement for a period, downloaded from the indexer as CSV (or opened as
// JSON): opening position, every movement, closing position. Without an indexer: unavailable.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import * as history from '../../history';

const DAY = 86_400_000;

/** A date input's value (yyyy-mm-dd, China time) for chain time `ms`. */
function day(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The start (ms) of day `value` (yyyy-mm-dd) in China time, or null. */
function startOf(value: string): number | null {
  const ms = Date.parse(`${value}T00:00:00+08:00`);
  return Number.isFinite(ms) ? ms : null;
}

export function Statement({ who }: { who: string }) {
  const { t, indexer, now } = useCtx();
  const [from, setFrom] = useState(day(now - 30 * DAY));
  const [to, setTo] = useState(day(now));
  const start = startOf(from);
  // To the end of the last day chosen.
  const end = startOf(to);
  const valid = start !== null && end !== null && end + DAY > start;
  return (
    <section data-testid="statement">
      <h2>{t('statement.title')}</h2>
      {!indexer ? <p class="hint" data-testid="history-unavailable">{t('history.unavailable')}</p> : (
        <div class="form row">
          <label>{t('statement.from')} <input type="date" value={from} data-testid="statement-from" onInput={(e) => setFrom(e.currentTarget.value)} /></label>
          <label>{t('statement.to')} <input type="date" value={to} data-testid="statement-to" onInput={(e) => setTo(e.currentTarget.value)} /></label>
          {valid ? (
            <>
              <a class="button" data-testid="statement-csv" download href={history.statementUrl(indexer, who, start!, end! + DAY, 'csv')}>{t('statement.csv')}</a>
              <a class="plain" data-testid="statement-json" target="_blank" rel="noopener" href={history.statementUrl(indexer, who, start!, end! + DAY, 'json')}>JSON</a>
            </>
          ) : <span class="refusal">{t('statement.badPeriod')}</span>}
        </div>
      )}
      <p class="hint">{t('statement.hint')}</p>
    </section>
  );
}
