/**
 * The build's page steps, in the order they run on each page. To add one:
 * write it in a file of its own here (a `Step`, scripts/steps/step.ts) and put
 * it in this list where its input is ready; docs/architecture.md lists them
 * (npm run docs:architecture), and test/steps/ runs each against pages as
 * Framework 1.13.4 writes them.
 */
import {accessibleChrome} from "./accessible-chrome.js";
import {contentSecurityPolicy} from "./content-security-policy.js";
import {datelineStep} from "./dateline.js";
import {deferredStart} from "./deferred-start.js";
import {downloadLinks} from "./download-links.js";
import {newsroomTheme} from "./newsroom-theme.js";
import {stableDates} from "./stable-dates.js";
import {staticCells} from "./static-cells.js";
import {staticCharts} from "./static-charts.js";
import type {Step} from "./step.js";

export const STEPS: readonly Step[] = [
  accessibleChrome,
  datelineStep,
  stableDates,
  staticCharts,
  newsroomTheme,
  // Opens the page as the steps above left it.
  staticCells,
  // After the cells: a captured cell can hold a chart's download link.
  downloadLinks,
  deferredStart,
  // Last: the policy hashes every inline script the steps above wrote.
  contentSecurityPolicy
];
