/**
 * civic-widgets: registers every element and exports the client, the types and the helpers a page
 * needs. Import one element alone with `import 'civic-widgets/proposal-card'`, or the client alone
 * (no Lit) with `import { createRestClient } from 'civic-widgets/client'`.
 */
export * from './client/index.js';
export { civicContext, type CivicConfig } from './context.js';
export type { CivicEventMap, CivicEventName, FeedbackSubmitted } from './core/events.js';
export { registerLocale, useLocale, getLocale } from './i18n/localize.js';
export { pickText, textIn, type LocalizedText, type PickedText } from './domain/localized-text.js';
export { formatMoney, formatMoneyCompact, formatNumber, formatDate, formatPercent } from './domain/format.js';
export { CivicProvider } from './elements/provider/provider.js';
export { CivicProposalCard } from './elements/proposal-card/proposal-card.js';
export { CivicFeedbackForm } from './elements/feedback-form/feedback-form.js';
export { CivicProposalList, type ActionsRenderer } from './elements/proposal-list/proposal-list.js';
export { CivicBudgetSlider } from './elements/budget-slider/budget-slider.js';
export { CivicBudgetSimulator } from './elements/budget-simulator/budget-simulator.js';
export { CivicVoteForm } from './elements/vote-form/vote-form.js';
export { CivicResults } from './elements/results/results.js';
export { CivicPaperEntry } from './elements/paper-entry/paper-entry.js';
export { CivicPanelScreen } from './elements/panel-screen/panel-screen.js';
