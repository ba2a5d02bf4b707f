/**
 * "Your files": where an analyst opens their own files, with a file picker or
 * by dropping them on the workbench, sees one load (a progress bar), reads
 * what went wrong with one (an alert naming the file and line), and removes
 * a file they no longer want kept.
 */
import {element} from "../../dom.js";
import {ACCEPT} from "./file-formats.js";
import type {Clash, Progress} from "./analyst-files.js";
import type {ReadChoices} from "./csv-text.js";
import {TEXT_ENCODINGS, isTextEncoding, type TextEncoding} from "./text-encodings.js";

/** An open file as the panel lists it: with what reading it decided, and the choices a text file offers. */
export interface ListedFile {
  table: string;
  fileName: string;
  /** Null for a stored file still opening. */
  rows: number | null;
  notes?: string[];
  text?: {encoding: TextEncoding; detectedEncoding: TextEncoding; headerLine: number};
  /** Whether the file is text (CSV, TSV), whose encoding can be chosen. */
  textFile?: boolean;
}

export interface FilePanel {
  node: HTMLElement;
  showProgress(progress: Progress | null): void;
  showError(message: string): void;
  clearError(): void;
  /** Lists the files (table and file name), each with its notes and reading choices; a stored file still opening has no rows yet. */
  setFiles(files: ListedFile[]): void;
  setNote(text: string): void;
  /** Asks whether a file replaces the table an earlier file of the same name made, or is kept beside it. */
  askClash(fileName: string, table: string, earlier: string): Promise<Clash>;
}

export interface FilePanelOptions {
  onFiles: (files: File[]) => void;
  onRemove: (table: string) => void;
  /** Read a file again with another encoding or header line. */
  onReading: (table: string, choices: ReadChoices) => void;
  /** The element files can be dropped on (the whole workbench). */
  dropTarget: HTMLElement;
  persistent: boolean;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function FilePanel({onFiles, onRemove, onReading, dropTarget, persistent}: FilePanelOptions): FilePanel {
  const root = element("section", "sql-files");
  root.setAttribute("aria-labelledby", "sql-files-heading");
  const heading = element("h2", "", "Your files");
  heading.id = "sql-files-heading";
  const intro = element(
    "p",
    "sql-files-intro",
    `Open a CSV, TSV, JSON, Arrow, Parquet or Excel (.xlsx) file (or drop it on this page) to query it beside the tables here: it becomes a table named after the file. It is read in your browser and ${persistent ? "kept in this browser's own storage, so it is here after a reload, until you remove it" : "kept until you close the page (this browser cannot store files)"}; it is never uploaded.`
  );
  const picker = element("label", "sql-file-picker");
  picker.htmlFor = "sql-file-input";
  picker.textContent = "Open files…";
  const input = element("input");
  input.type = "file";
  input.id = "sql-file-input";
  input.multiple = true;
  input.accept = ACCEPT;
  input.className = "sql-file-input";
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length) onFiles(files);
  });
  const progressBox = element("div", "sql-file-progress");
  progressBox.hidden = true;
  const progressLabel = element("label", "sql-file-progress-label");
  progressLabel.htmlFor = "sql-file-progress-bar";
  const progress = element("progress");
  progress.id = "sql-file-progress-bar";
  progress.max = 1;
  progressBox.append(progressLabel, " ", progress);
  // role=alert: a file that cannot be opened is read out at once; the tables already open are untouched.
  const error = element("div", "sql-file-error");
  error.setAttribute("role", "alert");
  const errorText = element("pre", "sql-file-error-text");
  error.append(errorText);
  error.hidden = true;
  const note = element("p", "sql-files-note");
  // A question the analyst answers on the page (not a browser dialog): which file a taken name goes to.
  const clash = element("div", "sql-file-clash");
  clash.hidden = true;
  const list = element("ul", "sql-file-list");
  root.append(heading, intro, picker, input, progressBox, error, clash, note, list);

  function readingControls(file: ListedFile): HTMLElement | null {
    const {text} = file;
    if (!text) return null;
    const form = element("div", "sql-file-reading");
    const parts: (Node | string)[] = [];
    let encoding: HTMLSelectElement | null = null;
    if (file.textFile) {
      encoding = element("select");
      encoding.className = "sql-file-encoding";
      encoding.id = `sql-file-encoding-${file.table}`;
      for (const {encoding: value, label} of TEXT_ENCODINGS) {
        const option = element("option");
        option.value = value;
        option.textContent = value === text.detectedEncoding ? `${label} (detected)` : label;
        option.selected = value === text.encoding;
        encoding.append(option);
      }
      const label = element("label", "", "Characters ");
      label.htmlFor = encoding.id;
      parts.push(label, encoding, " ");
    }
    const header = element("input");
    header.type = "number";
    header.min = "1";
    header.step = "1";
    header.className = "sql-file-header-line";
    header.id = `sql-file-header-${file.table}`;
    header.value = String(text.headerLine);
    const headerLabel = element("label", "", file.textFile ? "Column names on line " : "Column names on row ");
    headerLabel.htmlFor = header.id;
    const apply = element("button", "sql-file-reread", "Read again");
    apply.type = "button";
    apply.addEventListener("click", () => {
      const line = Math.round(Number(header.value));
      const choices: ReadChoices = {headerLine: line >= 1 && line !== text.headerLine ? line : undefined};
      if (encoding && isTextEncoding(encoding.value)) choices.encoding = encoding.value === text.detectedEncoding ? undefined : encoding.value;
      if (choices.headerLine === undefined && line === text.headerLine) delete choices.headerLine;
      onReading(file.table, choices);
    });
    parts.push(headerLabel, header, " ", apply);
    form.append(...parts);
    return form;
  }

  dropTarget.addEventListener("dragover", (event) => {
    if (!event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    dropTarget.classList.add("sql-dragging");
  });
  dropTarget.addEventListener("dragleave", (event) => {
    if (event.target === dropTarget) dropTarget.classList.remove("sql-dragging");
  });
  dropTarget.addEventListener("drop", (event) => {
    dropTarget.classList.remove("sql-dragging");
    const files = [...(event.dataTransfer?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    onFiles(files);
  });

  return {
    node: root,
    showProgress(state) {
      progressBox.hidden = state === null;
      if (!state) return;
      progressLabel.textContent = `Loading ${state.fileName}${state.fraction === null ? "…" : ` (${Math.round(100 * state.fraction)}%)`}`;
      // An indeterminate bar (no value) while the share read cannot be told.
      if (state.fraction === null) progress.removeAttribute("value");
      else progress.value = state.fraction;
    },
    showError(message) {
      errorText.textContent = message;
      error.hidden = false;
    },
    clearError() {
      errorText.textContent = "";
      error.hidden = true;
    },
    setNote(text) {
      note.textContent = text;
    },
    setFiles(files) {
      list.replaceChildren(
        ...files.map((file) => {
          const {table, fileName, rows} = file;
          const item = element("li", "sql-file");
          item.dataset.table = table;
          if (rows === null) item.dataset.opening = "";
          const name = element("code", "", table);
          const size = rows === null ? "opening from this browser's storage…" : `${COUNT.format(rows)} row${rows === 1 ? "" : "s"}`;
          const from = element("span", "sql-file-from", ` from ${fileName}, ${size} `);
          const remove = element("button", "sql-file-remove", "Remove");
          remove.type = "button";
          remove.setAttribute("aria-label", `Remove ${table} (${fileName}) from this browser`);
          remove.addEventListener("click", () => onRemove(table));
          item.append(name, from, remove);
          if (file.notes?.length) {
            const notes = element("ul", "sql-file-notes");
            notes.setAttribute("aria-label", `How ${fileName} was read`);
            notes.append(...file.notes.map((text) => element("li", "", text)));
            item.append(notes);
          }
          const controls = readingControls(file);
          if (controls) item.append(controls);
          return item;
        })
      );
    },
    askClash(fileName, table, earlier) {
      return new Promise<Clash>((resolve) => {
        const question = element("p", "", `A table ${table} already came from “${earlier}”. Should “${fileName}” replace it, or be kept beside it?`);
        const replace = element("button", "sql-file-replace", `Replace ${table}`);
        replace.type = "button";
        const keep = element("button", "sql-file-keep", "Keep both");
        keep.type = "button";
        const answer = (choice: Clash) => {
          clash.hidden = true;
          clash.replaceChildren();
          resolve(choice);
        };
        replace.addEventListener("click", () => answer("replace"));
        keep.addEventListener("click", () => answer("keep"));
        clash.replaceChildren(question, replace, " ", keep);
        clash.hidden = false;
        replace.focus();
      });
    }
  };
}
