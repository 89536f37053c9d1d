// An Operator's call as a council motion.
import type { SubmittableExtrinsic } from '@polkadot/api/types';

export type MotionOf = (call: SubmittableExtrinsic<'promise'>) => SubmittableExtrinsic<'promise'>;
