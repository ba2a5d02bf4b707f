/**
 * A page's "About the data" box: what the marks on its figures mean and how to
 * check one, said once for the page instead of under every chart. It names
 * only the statuses the page shows. (An embed stands alone, so its frame keeps
 * its own note; the stylesheet hides the frames' notes on a page with this box.)
 */
import {STATUS_LABELS, STATUS_MARKS, STATUS_NOTES, STATUS_RANK, type Status} from "../../lib/story/status.js";
import {element} from "../dom.js";

type WithStatus = {status?: unknown; disagreements?: unknown[]};

/** Every record the page was sent, whatever its kind: figures by id, and lists of events, findings, ratings, statements. */
function recordsOf(groups: (Record<string, WithStatus> | WithStatus[] | undefined)[]): WithStatus[] {
  return groups.flatMap((group) => (!group ? [] : Array.isArray(group) ? group : Object.values(group)));
}

export function AboutTheData(...groups: (Record<string, WithStatus> | WithStatus[] | undefined)[]): HTMLElement {
  const records = recordsOf(groups);
  const shown = STATUS_RANK.filter((s) => s !== "final" && records.some((r) => r.status === s));
  const disputed = records.some((r) => r.disagreements?.length);
  const box = element("aside", "about-data");
  box.setAttribute("aria-labelledby", "about-the-data");
  const heading = element("h2", "about-data-heading", "About the data");
  heading.id = "about-the-data";
  box.append(heading);
  box.append(element("p", "", "Every figure on this page is computed from cited public sources. Tap, click or focus a figure to see what it counts, whether it is final, and the source that states it; each chart's sources are listed under it and on the sources page."));
  const list = element("ul", "about-data-marks");
  for (const status of shown as Status[]) {
    const item = element("li", "");
    if (STATUS_MARKS[status]) {
      const mark = element("span", `status-mark status-${status}`, STATUS_MARKS[status]);
      mark.setAttribute("aria-hidden", "true");
      item.append(mark, " ");
    }
    item.append(element("strong", "", STATUS_LABELS[status]), `: ${STATUS_NOTES[status]}`);
    // The status's meaning names the leaked draft's date: the vocabulary's own fact, cited on the pages' figures.
    item.dataset.sourced = "";
    list.append(item);
  }
  if (disputed) {
    const item = element("li", "");
    const mark = element("span", "status-mark differ-mark", "≠");
    mark.setAttribute("aria-hidden", "true");
    item.append(mark, " ", element("strong", "", "Sources differ"), ": another source gives a different value or date; the figure's card gives both accounts and why this page uses the one it shows.");
    list.append(item);
  }
  if (list.childElementCount) box.append(list);
  const final = element("p", "", "Unmarked figures are final: a primary document or original reporting states them.");
  box.append(final);
  return box;
}
