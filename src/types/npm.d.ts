// Framework resolves `npm:` imports in the browser; to the type checker they are the installed packages.
declare module "npm:@observablehq/plot" {
  export * from "@observablehq/plot";
}
declare module "npm:@observablehq/inputs" {
  export * from "@observablehq/inputs";
}
declare module "npm:arquero" {
  export * from "arquero";
}
declare module "npm:d3" {
  export * from "d3";
}
