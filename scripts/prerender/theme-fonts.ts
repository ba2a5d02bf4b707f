/**
 * Where the theme's font files are: one file per weight (latin subset, normal
 * style) in the @fontsource package the theme names. Pages and embeds load
 * the woff2 files (scripts/prerender/theme-css.ts); the chart images need the woff files
 * beside them, which resvg can read once decoded (scripts/prerender/chart-images.ts).
 */
import {readdir} from "node:fs/promises";
import {join} from "node:path";
import {THEME, type NewsroomTheme} from "../../src/theme.js";
import {projectRoot} from "../export/loader-cache.js";

export interface ThemeFontFile {
  /** The file's name, as the package and the export's `_theme/fonts/` have it. */
  file: string;
  /** Where it is installed. */
  path: string;
  weight: number;
  style: "normal" | "italic";
}

/** The theme's font files in `format`; none for a theme without a font. Fails when the package or a weight is not installed. */
export async function themeFontFiles(
  format: "woff2" | "woff",
  font: NewsroomTheme["font"] | NewsroomTheme["serif"] = THEME.font
): Promise<ThemeFontFile[]> {
  if (!font) return [];
  const styles = "styles" in font ? font.styles : (["normal"] as const);
  const dir = join(projectRoot, "node_modules", font.package, "files");
  const available = new Set(await readdir(dir).catch(() => []));
  const slug = font.package.replace(/^@fontsource\//, "");
  return styles.flatMap((style) =>
    font.weights.map((weight) => {
      const file = `${slug}-latin-${weight}-${style}.${format}`;
      if (!available.has(file)) throw new Error(`theme font: ${join(dir, file)} is not installed (npm install ${font.package})`);
      return {file, path: join(dir, file), weight, style};
    })
  );
}
