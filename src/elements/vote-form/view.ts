import type { TemplateResult } from 'lit';
import type { SelectionBlock, Selections } from '../../domain/rules/index.js';
import type { BallotRules, Proposal, Round } from '../../domain/types.js';
import type { Words } from './texts.js';

/**
 * What the shell gives the part of a ballot kind: the data to show, read only, and one way to
 * change the selections. A part keeps no state of its own and never reaches into the shell's.
 */
export interface BallotView<S extends Selections = Selections> extends Words {
  round: Round;
  rules: BallotRules;
  /** The level of headings inside the ballot (one below the round's title). */
  level: number;
  /** Every proposal of the round, for the rules. */
  proposals: readonly Proposal[];
  /** The rows to show: the proposals on the ballot, in the area the resident picked. */
  shown: readonly Proposal[];
  selections: S;
  /** Why a proposal cannot be added now, for each one that cannot. */
  blocks: ReadonlyMap<string, SelectionBlock>;
  /** The proposals whose details are open. */
  opened: ReadonlySet<string>;
  /** The messages of a blocked submit, by the id of the control each belongs to. */
  errors: ReadonlyMap<string, string[]>;
  /** The id of a proposal's control, unique in the shadow root. */
  idOf(proposalId: string): string;
  /** Replaces the selections; `said` is announced at once (a ranked move), else the figures a moment later. */
  change(selections: S, said?: string): void;
  /** Moves focus to the control with this id once the change has rendered. */
  focus(id: string): void;
  /** The proposal's full card, one disclosure away. */
  details(proposal: Proposal): TemplateResult;
}
