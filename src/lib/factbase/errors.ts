/** A problem in a data file, located precisely enough for an editor to fix it. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
    readonly columnName?: string
  ) {
    super(`${file}:${line}:${column}: ${columnName ? `column '${columnName}': ` : ""}${problem}`);
    this.name = "DataError";
  }
}
