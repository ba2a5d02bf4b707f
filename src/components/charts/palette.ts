/**
 * The notebook's colours, chosen once. Categorical colours are Okabe and Ito's
 * palette, distinguishable with the common forms of colour blindness; each
 * has enough contrast on both the light and the dark theme for marks (text on
 * charts uses currentColor instead). A newsroom sets its own in src/theme.ts.
 */
import {THEME} from "../../theme.js";

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  grey: "#999999"
} as const;

/** CQC's four ratings, from best to worst; ordered for legends. */
export const RATING_ORDER = ["outstanding", "good", "requires improvement", "inadequate"] as const;
/**
 * Two kinds of gap, never drawn as a rating: the CQC published no rating for
 * an inspection (a focused inspection), or it did but no source read gives it.
 */
export const NO_RATING = ["not published", "not found"] as const;
export type CqcRating = (typeof RATING_ORDER)[number];
export type Rating = CqcRating | (typeof NO_RATING)[number];

export const RATING_COLOURS: Record<CqcRating, string> = {
  ...THEME.colours.ratings
};


/** Where the story's own emphasis falls (this trust) against context (others). */
export const FOCUS = THEME.colours.focus;
export const CONTEXT = THEME.colours.context;
export const MEASURE_COLOURS = THEME.colours.measures;
