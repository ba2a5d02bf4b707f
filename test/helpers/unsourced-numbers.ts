/**
 * Finds numbers a reader can see that do not answer "says who?". Runs inside
 * the page. A number is sourced when it sits inside
 * - a figure (`.fact`), which opens its definition, status and sources;
 * - a chart frame, whose numbered notes list the sources of what it draws;
 * - an element marked `data-sourced`: text taken from a cited record (an
 *   event, a finding, a statement, a source's own title or date), shown
 *   beside its source;
 * - a `<time>` element: a date of a sourced record;
 * - an element with `data-figure`: part of a figure set in prose (its label, its period);
 * - an element with `data-method`: a term of method, such as the 95% of an interval;
 * - an element with `data-count-of`: a count of the notebook's own records, each sourced;
 * - the data dictionary of the SQL page (`data-dictionary`), which describes the tables, and a
 *   query's result, which is the data itself (`data-query-result`).
 * Page furniture (sidebar, table of contents, footer, pager, code) is not prose.
 */
export function unsourcedNumbersInPage(): string[] {
  const exempt = ".fact, .chart-frame, [data-sourced], [data-figure], [data-method], [data-count-of], [data-dictionary], [data-query-result], time, #observablehq-sidebar, #observablehq-toc, #observablehq-footer, .observablehq-pager, pre, code, script, style, textarea, select, option, output, svg";
  const main = document.querySelector("#observablehq-main") ?? document.body;
  const found: string[] = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? "";
    if (!/\d/.test(text)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(exempt)) continue;
    // Hidden text (a closed disclosure's contents still count: a reader can open it).
    if (parent.closest("[hidden]") && !parent.closest("details")) continue;
    for (const match of text.matchAll(/[£$]?\d[\d,.]*%?/g)) {
      const start = Math.max(0, match.index! - 30);
      found.push(`${match[0]} in “…${text.slice(start, match.index! + match[0].length + 30).replace(/\s+/g, " ")}…”`);
    }
  }
  return found;
}

/**
 * Numbers written without thousands separators ("1638"), outside quoted words
 * (which keep their source's form), dates, code and the data itself. Runs
 * inside the page. Four-digit years are years, not counts.
 */
export function unformattedNumbersInPage(): string[] {
  const exempt = "[data-sourced], [data-query-result], [data-dictionary], time, pre, code, script, style, textarea, select, option, output, svg, #observablehq-sidebar, #observablehq-toc";
  const main = document.querySelector("#observablehq-main") ?? document.body;
  const found: string[] = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(exempt)) continue;
    for (const match of (node.textContent ?? "").matchAll(/(?<![\d,.])\d{4,}(?![\d,])/g)) {
      const year = match[0].length === 4 && Number(match[0]) >= 1900 && Number(match[0]) < 2100;
      if (!year) found.push(match[0]);
    }
  }
  return found;
}
