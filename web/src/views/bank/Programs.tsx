// My financing programs: rate, budget left, outstanding, expiry; close one.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import * as ledger from '../../ledger';

export function Programs({ programs }: { programs: ledger.Program[] }) {
  const { api, t, money, rate, nameOf, date } = useCtx();
  return (
    <section>
      <h2>{t('programs.title')}</h2>
      {programs.length === 0 ? <p>{t('programs.none')}</p> : (
        <table>
          <thead><tr><th>#</th><th>{t('programs.core')}</th><th>{t('finance.rate')}</th><th class="num">{t('programs.budget')}</th><th class="num">{t('programs.outstanding')}</th><th>{t('programs.expires')}</th><th>{t('notes.state')}</th><th></th></tr></thead>
          <tbody>{programs.map((p) => (
            <tr key={p.id} data-testid={`program-${p.id}`}>
              <td>#{p.id}</td><td>{nameOf(p.core)}</td><td>{rate(p.annualRate)}</td>
              <td class="num">{money(p.budget)}</td><td class="num">{money(p.outstanding)}</td>
              <td>{p.expiresAt >= 2 ** 63 ? t('programs.never') : date(p.expiresAt)}</td>
              <td>{t(p.closed ? 'programs.closed' : 'programs.isOpen')}</td>
              <td>{!p.closed && <TxButton label='programs.close' kind="plain" testId={`close-program-${p.id}`} check={() => ({ tx: api.tx.financing.closeProgram(p.id) })} />}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
