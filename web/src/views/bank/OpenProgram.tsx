// Open a financing program for a core enterprise's receivables.
import { useState } from 'preact/hooks';
import { useCtx } from '../../context';
import { TxButton } from '../../components';
import { checkAmount, checkMaturity, checkRate } from '../../checks';

export function OpenProgram() {
  const { api, t, unit, enterprises, asset, now } = useCtx();
  const cores = [...enterprises.values()].filter((e) => e.roles.core && e.status === 'Active');
  const [core, setCore] = useState(cores[0]?.address ?? '');
  const [rateText, setRateText] = useState('');
  const [budget, setBudget] = useState('');
  const [expires, setExpires] = useState('');
  return (
    <section class="form">
      <h3>{t('programs.openTitle')}</h3>
      <label>{t('programs.core')}
        <select value={core} onChange={(e) => setCore(e.currentTarget.value)} data-testid="program-core">{cores.map((c) => <option value={c.address}>{c.name}</option>)}</select>
      </label>
      <label>{t('request.rate')}<input value={rateText} onInput={(e) => setRateText(e.currentTarget.value)} placeholder="3.65" data-testid="program-rate" /></label>
      <label>{t('programs.newBudget')} ({unit.symbol})<input value={budget} onInput={(e) => setBudget(e.currentTarget.value)} inputMode="decimal" data-testid="program-budget" /></label>
      <label>{t('programs.expires')}<input type="datetime-local" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} data-testid="program-expires" /></label>
      <TxButton label='programs.open' testId="open-program" check={() => {
        if (!core) return { refuse: 'recipient.empty' };
        const r = checkRate(rateText);
        if ('refuse' in r) return r;
        const b = checkAmount(budget, unit.decimals);
        if ('refuse' in b) return b;
        const e = checkMaturity(expires, now, 10 * 365 * 86_400_000);
        if ('refuse' in e) return e;
        return { tx: api.tx.financing.openProgram(core, asset, r.ok, b.ok, e.ok) };
      }} />
    </section>
  );
}
