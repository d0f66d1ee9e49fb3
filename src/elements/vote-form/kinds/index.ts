/** The part that renders each kind of ballot. */
import type { BallotKind } from '../../../domain/types.js';
import { approval } from './approval.js';
import { chooseOne } from './choose-one.js';
import { cumulative } from './cumulative.js';
import { ranked } from './ranked.js';
import { yesNo } from './yes-no.js';

export const kinds: Record<BallotKind, (view: never) => unknown> = {
  approval,
  ordinal: ranked,
  cumulative,
  'choose-1': chooseOne,
  'yes-no': yesNo,
};
