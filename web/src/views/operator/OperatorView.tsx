// The operator's (council's) view: the enterprises (register, suspend, reinstate) through a council
// motion, and the motions waiting for a vote.
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { useCtx } from '../../context';
import * as ledger from '../../ledger';
import { useChainQuery } from '../../data';
import { Enterprises } from './Enterprises';
import { Register } from './Register';
import { Motions } from './Motions';

/** What a motion needs to carry: two thirds of the council, rounded up. */
function threshold(members: number): number {
  return Math.max(1, Math.ceil((members * 2) / 3));
}

export function OperatorView() {
  const { api, account, t } = useCtx();
  const who = account?.address ?? '';
  const { data: members } = useChainQuery(ledger.councilMembers, [], [] as string[]);
  const { data: motions } = useChainQuery(ledger.motions, [], [] as ledger.Motion[]);
  /** The Operator's call as a council motion (carried at once by a council of one). */
  const motion = (call: SubmittableExtrinsic<'promise'>) =>
    api.tx.council.propose(threshold(members.length), call, call.encodedLength);
  const isMember = members.includes(who);
  return (
    <div class="view operator">
      {!isMember && <p class="hint">{t('operator.notMember')}</p>}
      <Enterprises motion={motion} />
      <Register motion={motion} />
      <Motions motions={motions} isMember={isMember} who={who} />
    </div>
  );
}
