/** "Regular" use, in both rules versions: used on at least this many of the last 30 days. */
export const REGULAR_USE_MIN_DAYS = 20;
