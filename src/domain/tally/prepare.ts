import type { OrdinalScores, TallyBallot, TallyInput } from './types.js';
import { TallyError } from './types.js';

/** Which way a round's ballots give support: ids (approval, choose-1), points, or ranks. */
export type BallotFamily = 'approval' | 'cumulative' | 'ordinal';

/** The proposals one distinct ballot supports, and with how many points each (1 for approval). */
export interface BallotGroup {
  /** How many residents cast exactly this ballot. */
  size: number;
  projects: number[];
  weights: number[];
}

/** Who supports one proposal: distinct ballots and each one's per-voter weight. */
export interface Supporters {
  groups: Int32Array;
  weights: Float64Array;
  /** Sum of size × weight over the groups: the proposal's approvals or points. */
  totalWeight: number;
}

/**
 * A checked, indexed round. Proposals are numbered in input order; identical ballots are merged
 * into one group, since residents who cast the same ballot always hold the same share under the
 * Method of Equal Shares (this is what keeps it fast on real rounds, where most ballots repeat).
 */
export interface PreparedElection {
  budget: number;
  ids: string[];
  costs: number[];
  /** Per proposal: approvals, points or score. */
  votes: number[];
  ballotCount: number;
  /** `undefined` when there are no ballots. */
  family: BallotFamily | undefined;
  groups: BallotGroup[];
  supporters: Supporters[];
}

/** Validates the input and indexes it; throws a `TallyError` naming the first problem found. */
export function prepareElection(input: TallyInput, ordinalScores: OrdinalScores = 'by-length'): PreparedElection {
  if (input === null || typeof input !== 'object') throw new TallyError('The tally input must be an object with budget, projects and ballots');
  const budget = input.budget;
  if (!Number.isSafeInteger(budget) || budget < 0) {
    throw new TallyError(`The budget must be a whole, non-negative number of minor units, got ${String(budget)}`);
  }
  const { ids, costs, indexOf } = readProjects(input.projects);
  if (!Array.isArray(input.ballots)) throw new TallyError('ballots must be an array');
  checkOrdinalScores(ordinalScores);

  const family = ballotFamily(input.ballots);
  const votes = new Array<number>(ids.length).fill(0);
  const groupIndex = new Map<string, number>();
  const groups: BallotGroup[] = [];
  for (let position = 0; position < input.ballots.length; position += 1) {
    // ballotFamily has checked that every ballot is of a kind the tally counts.
    const support = readSupport(input.ballots[position] as TallyBallot, position, indexOf, ordinalScores);
    let key = '';
    for (let entry = 0; entry < support.length; entry += 1) {
      const [project, weight] = support[entry] as [number, number];
      votes[project] = (votes[project] as number) + weight;
      key += `${project}:${weight},`;
    }
    if (family === 'ordinal') continue;
    const existing = groupIndex.get(key);
    if (existing !== undefined) (groups[existing] as BallotGroup).size += 1;
    else {
      groupIndex.set(key, groups.length);
      groups.push({ size: 1, projects: support.map(([project]) => project), weights: support.map(([, weight]) => weight) });
    }
  }
  votes.forEach((total, project) => {
    if (!Number.isSafeInteger(total)) throw new TallyError(`Proposal "${ids[project]}" has more votes than can be counted exactly`);
  });
  return { budget, ids, costs, votes, ballotCount: input.ballots.length, family, groups, supporters: indexSupporters(ids.length, groups) };
}

function readProjects(projects: TallyInput['projects']): { ids: string[]; costs: number[]; indexOf: Map<string, number> } {
  if (!Array.isArray(projects)) throw new TallyError('projects must be an array');
  const ids: string[] = [];
  const costs: number[] = [];
  const indexOf = new Map<string, number>();
  let total = 0;
  projects.forEach((project, position) => {
    const id: unknown = project?.id;
    if (typeof id !== 'string' || id === '') throw new TallyError(`Proposal ${position + 1} has no id; every proposal needs a non-empty string id`);
    if (indexOf.has(id)) throw new TallyError(`Proposal id "${id}" appears twice; ids must be unique`);
    const cost: unknown = project.cost;
    if (typeof cost !== 'number' || !Number.isSafeInteger(cost) || cost < 1) {
      throw new TallyError(`Proposal "${id}" costs ${String(cost)}; a cost must be a whole number of minor units, at least 1`);
    }
    total += cost;
    if (!Number.isSafeInteger(total)) throw new TallyError('The proposals together cost more than can be counted exactly');
    indexOf.set(id, ids.length);
    ids.push(id);
    costs.push(cost);
  });
  return { ids, costs, indexOf };
}

function checkOrdinalScores(scores: OrdinalScores): void {
  if (scores === 'by-length') return;
  if (!Array.isArray(scores) || scores.some((points) => !Number.isSafeInteger(points) || points < 0)) {
    throw new TallyError(`ordinalScores must be 'by-length' or a list of whole, non-negative points by rank, got ${JSON.stringify(scores)}`);
  }
}

const FAMILY_OF_KIND: Record<TallyBallot['kind'], BallotFamily> = {
  approval: 'approval',
  'choose-1': 'approval',
  cumulative: 'cumulative',
  ordinal: 'ordinal',
};

function ballotFamily(ballots: TallyInput['ballots']): BallotFamily | undefined {
  let family: BallotFamily | undefined;
  ballots.forEach((ballot, position) => {
    const kind: unknown = ballot?.kind;
    const own = typeof kind === 'string' && Object.hasOwn(FAMILY_OF_KIND, kind) ? FAMILY_OF_KIND[kind as TallyBallot['kind']] : undefined;
    if (own === undefined) {
      throw new TallyError(`Ballot ${position + 1} is of kind ${JSON.stringify(kind)}; the tally counts approval, choose-1, cumulative and ordinal ballots`);
    }
    if (family !== undefined && own !== family) {
      throw new TallyError(`Ballot ${position + 1} is ${String(kind)} but earlier ballots are ${family}; a round's ballots must all be of one kind`);
    }
    family = own;
  });
  return family;
}

/** The proposals a ballot supports with their (positive) weight, sorted by proposal number. */
function readSupport(
  ballot: TallyBallot,
  position: number,
  indexOf: ReadonlyMap<string, number>,
  ordinalScores: OrdinalScores,
): Array<[number, number]> {
  const selections: unknown = ballot.selections;
  if (ballot.kind === 'cumulative') {
    if (selections === null || typeof selections !== 'object' || Array.isArray(selections)) {
      throw new TallyError(`Ballot ${position + 1} is cumulative, so its selections must map proposal ids to points`);
    }
    const support: Array<[number, number]> = [];
    for (const id in selections) {
      if (!Object.hasOwn(selections, id)) continue;
      const points: unknown = (selections as Record<string, unknown>)[id];
      const project = projectNumber(indexOf, id, position);
      if (typeof points !== 'number' || !Number.isSafeInteger(points) || points < 0) {
        throw new TallyError(`Ballot ${position + 1} gives proposal "${id}" ${String(points)} points; points must be whole and not negative`);
      }
      if (points > 0) support.push([project, points]);
    }
    return support.sort(byProject);
  }
  if (!Array.isArray(selections)) {
    throw new TallyError(`Ballot ${position + 1} is ${ballot.kind}, so its selections must be a list of proposal ids`);
  }
  const support: Array<[number, number]> = [];
  if (ballot.kind === 'ordinal') {
    const ranked = new Set<number>();
    for (let rank = 0; rank < selections.length; rank += 1) {
      const project = projectNumber(indexOf, selections[rank], position);
      if (ranked.has(project)) throw new TallyError(`Ballot ${position + 1} ranks proposal "${String(selections[rank])}" twice`);
      ranked.add(project);
      const points = ordinalScores === 'by-length' ? selections.length - rank : (ordinalScores[rank] ?? 0);
      if (points > 0) support.push([project, points]);
    }
    return support.sort(byProject);
  }
  for (const id of selections) support.push([projectNumber(indexOf, id, position), 1]);
  support.sort(byProject);
  // A repeated id on an approval ballot still approves the proposal once.
  let distinct = 0;
  for (const entry of support) {
    if (distinct === 0 || entry[0] !== (support[distinct - 1] as [number, number])[0]) support[distinct++] = entry;
  }
  support.length = distinct;
  if (ballot.kind === 'choose-1' && distinct > 1) {
    throw new TallyError(`Ballot ${position + 1} is choose-1 but names ${distinct} proposals`);
  }
  return support;
}

function projectNumber(indexOf: ReadonlyMap<string, number>, id: unknown, position: number): number {
  const project = typeof id === 'string' ? indexOf.get(id) : undefined;
  if (project === undefined) throw new TallyError(`Ballot ${position + 1} names proposal ${JSON.stringify(id)}, which is not in the round`);
  return project;
}

function byProject(a: [number, number], b: [number, number]): number {
  return a[0] - b[0];
}

function indexSupporters(projectCount: number, groups: readonly BallotGroup[]): Supporters[] {
  const lists = Array.from({ length: projectCount }, () => ({ groups: [] as number[], weights: [] as number[], totalWeight: 0 }));
  groups.forEach((group, groupNumber) => {
    group.projects.forEach((project, entry) => {
      const list = lists[project];
      const weight = group.weights[entry] ?? 0;
      if (list === undefined) return;
      list.groups.push(groupNumber);
      list.weights.push(weight);
      list.totalWeight += group.size * weight;
    });
  });
  return lists.map((list) => ({ groups: Int32Array.from(list.groups), weights: Float64Array.from(list.weights), totalWeight: list.totalWeight }));
}
