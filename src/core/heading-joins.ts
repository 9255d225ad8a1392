// Where a heading joins the names of two sections: a comma, "and", `&`, or
// `/` with or without spaces ("Goals and Non-Goals", "Introduction/Overview",
// "Best Practices, Tutorials and Examples"). Read by missing-section (a
// section written as two) and likely-renames (two written as one).

/**
 * A join between two names in a heading. (A join's spaces are matched from
 * the first of them only: tried from each space of a long run, the pattern
 * took quadratic time.)
 */
export const HEADING_JOIN = /,\s+|(?<!\s)\s+(?:and|&)\s+|(?<!\s)\s*\/\s*|\/\s*/i;
