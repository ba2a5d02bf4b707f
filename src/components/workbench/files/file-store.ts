/**
 * Keeps the analyst's files in the browser's own storage (the origin private
 * file system, OPFS), so that they are there again after a reload and never
 * leave the machine. Each file is stored as it was opened, with a small
 * manifest of the table it became and the column types the analyst chose.
 * Where OPFS is missing (an old browser, a private window), files last for
 * the session and the page says so.
 */
import type {FileFormat} from "./file-formats.js";
import type {ReadChoices} from "./csv-text.js";
import type {TypeOverrides} from "./file-readers.js";

export interface StoredFile {
  table: string;
  fileName: string;
  format: FileFormat;
  bytes: number;
  overrides: TypeOverrides;
  /** The encoding and header line the analyst chose, when not the detected ones. */
  choices?: ReadChoices;
  /** The sheet of a workbook this table is. */
  sheet?: string;
}

const FOLDER = "sql-workbench-files";
const MANIFEST = "manifest.json";

export interface FileStore {
  /** False when this browser cannot keep files; they then last until the page is closed. */
  persistent: boolean;
  list(): Promise<StoredFile[]>;
  /** The stored file's contents, read lazily from disk. */
  open(table: string): Promise<File>;
  /** Stores the file; rejects (for example when storage is full) without changing what was stored. */
  save(entry: StoredFile, file: Blob): Promise<void>;
  update(entry: StoredFile): Promise<void>;
  remove(table: string): Promise<void>;
}

function contentName(table: string): string {
  return `${table}.data`;
}

async function opfsFolder(): Promise<FileSystemDirectoryHandle | null> {
  try {
    const root = await navigator.storage?.getDirectory?.();
    return root ? await root.getDirectoryHandle(FOLDER, {create: true}) : null;
  } catch {
    return null;
  }
}

export async function openFileStore(): Promise<FileStore> {
  const folder = await opfsFolder();
  return folder ? folderStore(folder) : memoryStore();
}

/** The files kept in the browser's private folder, which outlives the page. */
function folderStore(folder: FileSystemDirectoryHandle): FileStore {
  // Asks the browser not to evict the files under storage pressure; it may say no, which is not an error.
  void navigator.storage.persist?.().catch(() => undefined);

  async function readManifest(): Promise<StoredFile[]> {
    try {
      const file = await (await folder.getFileHandle(MANIFEST)).getFile();
      const entries = JSON.parse(await file.text());
      return Array.isArray(entries) ? entries : [];
    } catch {
      return [];
    }
  }
  async function write(name: string, data: Blob | string): Promise<void> {
    const handle = await folder.getFileHandle(name, {create: true});
    const writable = await handle.createWritable();
    try {
      await writable.write(data);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  }
  async function writeManifest(entries: StoredFile[]): Promise<void> {
    await write(MANIFEST, JSON.stringify(entries));
  }
  return {
    persistent: true,
    list: readManifest,
    async open(table) {
      return (await folder.getFileHandle(contentName(table))).getFile();
    },
    async save(entry, file) {
      try {
        await write(contentName(entry.table), file);
      } catch (error) {
        await folder.removeEntry(contentName(entry.table)).catch(() => undefined);
        throw error;
      }
      await writeManifest([...(await readManifest()).filter((e) => e.table !== entry.table), entry]);
    },
    async update(entry) {
      await writeManifest((await readManifest()).map((e) => (e.table === entry.table ? entry : e)));
    },
    async remove(table) {
      await writeManifest((await readManifest()).filter((e) => e.table !== table));
      await folder.removeEntry(contentName(table)).catch(() => undefined);
    }
  };
}

function memoryStore(): FileStore {
  const entries = new Map<string, {entry: StoredFile; file: File}>();
  return {
    persistent: false,
    list: async () => [...entries.values()].map((e) => e.entry),
    open: async (table) => {
      const stored = entries.get(table);
      if (!stored) throw new Error(`no file is kept for the table ${table}`);
      return stored.file;
    },
    save: async (entry, file) => void entries.set(entry.table, {entry, file: new File([file], entry.fileName)}),
    update: async (entry) => {
      const stored = entries.get(entry.table);
      if (stored) entries.set(entry.table, {...stored, entry});
    },
    remove: async (table) => void entries.delete(table)
  };
}
