/** The npm entry: classes, types and events, no side effects (importing defines no tags). */
export { WidgetElement } from './core/widget-element.js';
export type { Theme } from './core/widget-element.js';
export { StLoadEvent, StErrorEvent } from './core/events.js';
export { StConsentChangeEvent, consent } from './core/consent.js';
export type { ConsentApi, ConsentPurpose } from './core/consent.js';
export { FeedError } from './core/feed-error.js';
export type { FeedContext, FeedAdapter, FeedWarning, Severity, WarningCode, WarningInfo } from './core/feed-types.js';
export type { Lang, StringOverrides } from './core/i18n.js';
export { VERSION } from './core/version.js';

export { IdeaWall } from './idea-wall/idea-wall.component.js';
export { StIdeaSelectEvent, StIdeaSupportEvent } from './idea-wall/idea-wall.events.js';
export { StIdeaSubmitEvent, StIdeaSubmittedEvent, type IdeaSubmission, type IdeaSubmitted } from './idea-wall/idea-wall.submit-events.js';
export { MitfahrbankMap, StBenchSelectEvent } from './mitfahrbank-map/mitfahrbank-map.component.js';
export { EhrenamtCard } from './ehrenamt-card/ehrenamt-card.component.js';
export { PartnerLogos } from './partner-logos/partner-logos.component.js';
export { JugendBudget } from './jugend-budget/jugend-budget.component.js';
export { StBudgetResultEvent } from './jugend-budget/jugend-budget.events.js';
export type { BudgetResult } from './jugend-budget/jugend-budget.events.js';
