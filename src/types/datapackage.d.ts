// The parts of Frictionless' `datapackage` package (which ships no types) that the tests use.
declare module "datapackage" {
  export class Package {
    static load(descriptor: string): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: {name: string; read(options: {keyed?: boolean; relations?: boolean}): Promise<unknown[]>}[];
  }
}
