// My exposure per core: my credit lines to it and what is drawn on them.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { ledgerMoved } from '../../changes';

/** My exposure per core: my credit lines to it and its outstanding receivables. */
export function BankExposure({ who }: { who: string }) {
  const { t, money, nameOf, date, enterprises } = useCtx();
  const { data: rows } = useChainQuery(async (api) => {
    const cores = [...enterprises.values()].filter((e) => e.roles.core);
    const all = await Promise.all(cores.map((c) => ledger.exposure(api, c.address)));
    return all.flatMap((x) => x.creditLines.filter((l) => l.financier === who).map((line) => ({ core: x.core, line })));
  }, [who, enterprises], [] as { core: string; line: ledger.Line }[], { when: ledgerMoved });
  return (
    <section>
      <h2>{t('exposure.bankTitle')}</h2>
      {rows.length === 0 ? <p>{t('exposure.none')}</p> : (
        <table>
          <thead><tr><th>{t('exposure.line')}</th><th>{t('programs.core')}</th><th class="num">{t('exposure.limit')}</th><th class="num">{t('exposure.used')}</th><th class="num">{t('exposure.available')}</th><th>{t('programs.expires')}</th></tr></thead>
          <tbody>{rows.map(({ core, line }) => (
            <tr key={line.id} data-testid={`line-${line.id}`}>
              <td>#{line.id}{line.revoked ? ` (${t('exposure.revoked')})` : ''}</td><td>{nameOf(core)}</td>
              <td class="num">{money(line.limit)}</td><td class="num">{money(line.used)}</td><td class="num">{money(line.available)}</td><td>{date(line.expiresAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
