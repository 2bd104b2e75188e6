// Written by scripts/lint-legacy.mjs: the files written before eslint.config.js enforced a 120-character line
// and 60-line functions (issue #12), exempt from those rules until fixed. Shrink only: fix a file, run the
// script again; never add a file by hand.

/** Files with a line over 120 characters (0 files). */
export const LONG_LINES = [];

/** Files with a function over 60 lines (tests exempt) (0 files). */
export const LONG_FUNCTIONS = [];
