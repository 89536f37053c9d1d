// My credit lines and what I owe on them.
import { useCtx } from '../../context';
import * as ledger from '../../ledger';

export function Lines({ exposure }: { exposure: ledger.Exposure | null }) {
  const { t, money, nameOf, date } = useCtx();
  if (!exposure) return null;
  return (
    <section>
      <h2>{t('exposure.coreTitle')}</h2>
      <p>{exposure.outstanding.map((o) => money(o.amount)).join(' · ') || money(0)} · {t('exposure.receivables', { n: exposure.receivables })}</p>
      <table>
        <thead><tr><th>{t('exposure.line')}</th><th>{t('finance.financier')}</th><th class="num">{t('exposure.limit')}</th><th class="num">{t('exposure.used')}</th><th class="num">{t('exposure.available')}</th><th>{t('programs.expires')}</th></tr></thead>
        <tbody>{exposure.creditLines.map((l) => (
          <tr key={l.id} data-testid={`core-line-${l.id}`}>
            <td>#{l.id}{l.revoked ? ` (${t('exposure.revoked')})` : ''}</td><td>{nameOf(l.financier)}</td>
            <td class="num">{money(l.limit)}</td><td class="num">{money(l.used)}</td><td class="num">{money(l.available)}</td><td>{date(l.expiresAt)}</td>
          </tr>
        ))}</tbody>
      </table>
    </section>
  );
}
