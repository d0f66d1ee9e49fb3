/** The (fictional) London Borough of Fernwick: its wards, categories and how a proposal row becomes a `Proposal`. */
import type { Proposal } from '../../domain/types.js';

/** Pounds to pence. */
export const gbp = (pounds: number): number => Math.round(pounds * 100);

export const WARDS = ['Ashcombe', 'Brindle Park', 'Canal Wharf', 'Elmhurst', "St Jude's"];
export const CATEGORIES = ['Green spaces', 'Cycling and walking', 'Safer streets', 'Play', 'Community'];

/** A small pictogram for a category, as an SVG data URL so the demo works offline. */
function picture(shape: string, colour: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="${colour}"/><g fill="none" stroke="#fff" stroke-width="5">${shape}</g></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const PICTURES: Record<string, [string, string]> = {
  'Green spaces': [picture('<circle cx="80" cy="36" r="20"/><path d="M80 56v22"/>', '#2e6b3a'), 'Drawing of a tree'],
  'Cycling and walking': [picture('<circle cx="52" cy="56" r="16"/><circle cx="108" cy="56" r="16"/><path d="M52 56l20-26h26l10 26M72 30l8 26"/>', '#1d5a8a'), 'Drawing of a bicycle'],
  'Safer streets': [picture('<path d="M80 80V20h20"/><circle cx="104" cy="30" r="8"/>', '#5b4a8a'), 'Drawing of a street light'],
  Play: [picture('<path d="M40 80l30-60 30 60M70 20h50v60"/>', '#a4501e'), 'Drawing of a climbing frame and slide'],
  Community: [picture('<rect x="50" y="30" width="60" height="44"/><path d="M44 32l36-20 36 20"/>', '#7a3357'), 'Drawing of a community building'],
};

export type ProposalRow = [id: string, title: string, summary: string, pounds: number, ward: string, category: string, supporters: number, withImage: boolean];

export function proposal(roundId: string, [id, title, summary, pounds, ward, category, supporters, withImage]: ProposalRow): Proposal {
  const [imageUrl, imageAlt] = withImage ? PICTURES[category]! : [null, null];
  return { id, roundId, title, summary, cost: gbp(pounds), area: ward, categories: [category], imageUrl, imageAlt, status: 'shortlisted', supporters, url: null };
}
