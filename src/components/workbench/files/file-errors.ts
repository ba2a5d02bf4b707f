/** An error about the analyst's file itself: it names the file, and the line when known. */
export class FileError extends Error {
  constructor(readonly fileName: string, readonly detail: string, readonly line: number | null = null) {
    super(`${fileName}${line ? `, line ${line}` : ""}: ${detail}`);
    this.name = "FileError";
  }
}
