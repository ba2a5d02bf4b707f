/**
 * "Your files": where an analyst opens their own files, with a file picker or
 * by dropping them on the workbench, sees one load (a progress bar), reads
 * what went wrong with one (an alert naming the file and line), and removes
 * a file they no longer want kept.
 */
import {element} from "./dom.js";
import {ACCEPT} from "./file-formats.js";
import type {Progress} from "./analyst-files.js";

export interface FilePanel {
  node: HTMLElement;
  showProgress(progress: Progress | null): void;
  showError(message: string): void;
  clearError(): void;
  /** Lists the files (table and file name); `rows` is null for a stored file still opening. */
  setFiles(files: {table: string; fileName: string; rows: number | null}[]): void;
  setNote(text: string): void;
}

export interface FilePanelOptions {
  onFiles: (files: File[]) => void;
  onRemove: (table: string) => void;
  /** The element files can be dropped on (the whole workbench). */
  dropTarget: HTMLElement;
  persistent: boolean;
}

const COUNT = new Intl.NumberFormat("en-GB");

export function FilePanel({onFiles, onRemove, dropTarget, persistent}: FilePanelOptions): FilePanel {
  const root = element("section", "sql-files");
  root.setAttribute("aria-labelledby", "sql-files-heading");
  const heading = element("h2", "", "Your files");
  heading.id = "sql-files-heading";
  const intro = element(
    "p",
    "sql-files-intro",
    `Open a CSV, TSV, JSON, Arrow or Parquet file (or drop it on this page) to query it beside the tables here: it becomes a table named after the file. It is read in your browser and ${persistent ? "kept in this browser's own storage, so it is here after a reload, until you remove it" : "kept until you close the page (this browser cannot store files)"}; it is never uploaded.`
  );
  const picker = element("label", "sql-file-picker");
  picker.htmlFor = "sql-file-input";
  picker.textContent = "Open files…";
  const input = document.createElement("input");
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
  const progress = document.createElement("progress");
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
  const list = element("ul", "sql-file-list");
  root.append(heading, intro, picker, input, progressBox, error, note, list);

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
        ...files.map(({table, fileName, rows}) => {
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
          return item;
        })
      );
    }
  };
}
