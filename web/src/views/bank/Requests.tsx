// Financing requests waiting for me, each with what approving it would pay the holder today.
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { kindText } from './kindText';

/** Requests waiting for me, each with what approving it would pay the holder today. */
export function Requests({ requests }: { requests: ledger.Request[] }) {
  const { api, t, money, rate, nameOf } = useCtx();
  const { data: quotes } = useChainQuery(
    async (api) => new Map(await Promise.all(requests.map(async (r) => [r.id, await ledger.quote(api, r.note, r.annualRate)] as const))),
    [requests], new Map<number, ledger.Quote | null>());
  return (
    <section>
      <h2>{t('requests.title')}</h2>
      {requests.length === 0 ? <p>{t('requests.none')}</p> : (
        <table>
          <thead><tr><th>#</th><th>{t('requests.holder')}</th><th>{t('notes.id')}</th><th>{t('request.kind')}</th><th>{t('finance.rate')}</th><th class="num">{t('notes.amount')}</th><th class="num">{t('finance.price')}</th><th></th></tr></thead>
          <tbody>{requests.map((r) => {
            const q = quotes.get(r.id);
            return (
              <tr key={r.id} data-testid={`request-${r.id}`}>
                <td>#{r.id}</td><td>{nameOf(r.holder)}</td><td>#{r.note}</td><td>{kindText(t, r.kind)}</td><td>{rate(r.annualRate)}</td>
                <td class="num">{q ? money(q.amount) : ''}</td><td class="num" data-testid={`request-${r.id}-price`}>{q ? money(q.disbursed) : ''}</td>
                <td class="actions">
                  <TxButton label='requests.approve' testId={`approve-${r.id}`} check={() => (q ? { tx: api.tx.financing.approve(r.id) } : { refuse: 'requests.noPrice' })} />
                  <TxButton label='requests.decline' kind="plain" testId={`decline-${r.id}`} check={() => ({ tx: api.tx.financing.decline(r.id) })} />
                </td>
              </tr>
            );
          })}</tbody>
        </table>
      )}
    </section>
  );
}
