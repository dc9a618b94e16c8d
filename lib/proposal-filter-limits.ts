/** The bounds of the staff list's filters (lib/proposal-filter.ts), apart so that the filter form's client code does without zod. */
export const MAX_OVERDUE_DAYS = 3650;
export const MAX_SEARCH_LENGTH = 100;
export const MAX_PAGE = 100_000;
