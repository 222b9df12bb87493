/** How much the explorer loads at a time (shared with bench/render, which opens it at these sizes). */

/** Neighbours of the hubs in the first view; `?cap=N` (100–50000) changes it for large databases. */
export const INITIAL_CAP = 2000;
/** Neighbours added per "expand" (the inspector's "show more" fetches the next page). */
export const PAGE = 50;
/** The first view's first page (drawn at once) and the pages that stream in after it. */
export const FIRST_PAGE = 500;
export const STREAM_PAGE = 2000;
