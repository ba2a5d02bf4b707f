/**
 * Lets Node import the components as Framework serves them: `npm:@observablehq/plot`
 * is the installed `@observablehq/plot`. Registered with `node --import` by the
 * build-time renderer (scripts/prerender/static-charts.ts).
 */
import {register} from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        return next(specifier.startsWith("npm:") ? specifier.slice(4) : specifier, context);
      }`
    )
);
