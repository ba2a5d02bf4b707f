/**
 * The query box: a labelled textarea, Run and Cancel, the keyboard shortcut
 * (Ctrl+Enter, or Cmd+Enter on a Mac; Escape cancels a running query), and
 * the place where DuckDB's error message appears, as an alert beside the
 * query it is about.
 */
import {element} from "../dom.js";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export function isRunShortcut(event: KeyLike): boolean {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey;
}

/**
 * DuckDB's message as the analyst should read it: without the JavaScript
 * wrapper's "Error: " prefix, and with a plain explanation where DuckDB-WASM's
 * own wording does not say what to do.
 */
export function errorMessage(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^Error:\s*/, "");
  if (/PendingQuery can only take a single statement/.test(text)) {
    return `${text}\n\nRun one statement at a time. (A query that is empty, or only a comment, has no statement.)`;
  }
  return text;
}

export interface SqlEditor {
  node: HTMLElement;
  textarea: HTMLTextAreaElement;
  value: string;
  setBusy(busy: boolean): void;
  showError(message: string): void;
  clearError(): void;
}

export interface SqlEditorOptions {
  onRun: (sql: string) => void;
  onCancel: () => void;
}

export function SqlEditor({onRun, onCancel}: SqlEditorOptions): SqlEditor {
  const form = element("form", "sql-editor");
  const label = element("label");
  label.htmlFor = "sql-input";
  label.className = "sql-label";
  label.textContent = "SQL query";
  const textarea = element("textarea");
  textarea.id = "sql-input";
  textarea.name = "sql";
  textarea.rows = 9;
  textarea.spellcheck = false;
  textarea.setAttribute("autocapitalize", "off");
  textarea.setAttribute("autocomplete", "off");
  textarea.setAttribute("autocorrect", "off");
  textarea.setAttribute("aria-describedby", "sql-hint");
  const hint = element("p");
  hint.id = "sql-hint";
  hint.className = "sql-hint";
  hint.textContent = "Ctrl+Enter (Cmd+Enter on a Mac) runs the query; Escape cancels a running one. DuckDB's SQL dialect; one statement at a time.";
  const actions = element("div", "sql-actions");
  const run = element("button");
  run.type = "submit";
  run.className = "sql-run";
  run.textContent = "Run";
  const cancel = element("button");
  cancel.type = "button";
  cancel.className = "sql-cancel";
  cancel.textContent = "Cancel";
  cancel.disabled = true;
  actions.append(run, cancel);
  // role=alert: the message is read out as soon as it appears, without moving focus from the query.
  const error = element("div", "sql-error");
  error.setAttribute("role", "alert");
  const errorText = element("pre", "sql-error-text");
  error.append(errorText);
  error.hidden = true;
  form.append(label, textarea, hint, actions, error);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onRun(textarea.value);
  });
  cancel.addEventListener("click", () => onCancel());
  textarea.addEventListener("keydown", (event) => {
    if (isRunShortcut(event)) {
      event.preventDefault();
      onRun(textarea.value);
    } else if (event.key === "Escape" && !cancel.disabled) {
      event.preventDefault();
      onCancel();
    }
  });

  return {
    node: form,
    textarea,
    get value() {
      return textarea.value;
    },
    set value(sql: string) {
      textarea.value = sql;
    },
    setBusy(busy: boolean) {
      cancel.disabled = !busy;
      form.setAttribute("aria-busy", String(busy));
    },
    showError(message: string) {
      errorText.textContent = message;
      error.hidden = false;
    },
    clearError() {
      errorText.textContent = "";
      error.hidden = true;
    }
  };
}
