/** Full descriptions for some of Fernwick's proposals: plain text, and HTML as a council CMS sends it. */
import type { Proposal } from '../../domain/types.js';
import type { MemoryRoundSeed } from './types.js';

const DESCRIPTIONS: Record<string, Pick<Proposal, 'description' | 'descriptionFormat'>> = {
  'ash-pocket-park': {
    descriptionFormat: 'html',
    description:
      '<p>The corner of Mercer Street and Hale Road has been fenced off since 2019. Neighbours asked for somewhere to sit, and for planting that helps bees.</p>' +
      '<p>The money would pay for:</p><ul><li>four benches, two with arm rests</li><li>raised beds and a rain garden</li><li>a path wide enough for wheelchairs</li></ul>' +
      '<p>See <a href="https://fernwick.example/mercer-street">the drawings and the consultation</a>. <strong>Ashcombe Residents’ Association</strong> will look after the planting.</p>',
  },
  'bp-play': {
    descriptionFormat: 'text',
    description:
      'The climbing frame at Brindle Rec is twenty years old and parts of it are closed.\n\nThe new equipment would include a low frame and sand play for under-fives, and a net climber and a spinner for older children. Surfaces would be suitable for wheelchairs.',
  },
  'cw-towpath': {
    descriptionFormat: 'html',
    description:
      '<h3>Why</h3><div>Puddles and potholes make the towpath hard going for <em>wheelchair users</em> and buggies from October to March.</div>' +
      '<h3>What</h3><ol><li>Resurface 600 metres between Wharf Bridge and Mill Bridge</li><li>Widen the narrowest stretch to 2.5 metres</li></ol>',
  },
};

/** The rounds with the descriptions above added to their proposals. */
export function withDescriptions(rounds: MemoryRoundSeed[]): MemoryRoundSeed[] {
  return rounds.map((entry) => ({ ...entry, proposals: entry.proposals.map((proposal) => ({ ...proposal, ...DESCRIPTIONS[proposal.id] })) }));
}
