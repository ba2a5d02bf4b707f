/** The trust's response: each claim attributed, beside the figure it disputes. */
import type {Figure} from "../lib/figures.js";
import type {Sourced} from "../lib/story.js";
import {fact, sourceLink, statusBadge} from "./fact.js";
import {formatDate, lowerFirst, type Precision} from "../lib/format.js";

export function ClaimCard(claim: Sourced, figures: Record<string, Figure>): HTMLElement {
  const card = document.createElement("div");
  card.className = "card claim";
  const quote = document.createElement("blockquote");
  quote.textContent = claim.quote as string;
  const who = document.createElement("p");
  who.className = "claim-attribution";
  who.append(`— ${claim.claimant}, ${formatDate(claim.date as string, claim.date_precision as Precision)}, as reported by `, sourceLink(claim.source));
  const badge = statusBadge(claim.status as Figure["status"]);
  if (badge) who.append(" ", badge);
  const disputed = figures[claim.disputes as string];
  const against = document.createElement("p");
  against.className = "claim-against";
  against.append("The figure it answers: ", fact(disputed), ` — ${lowerFirst(disputed.label)}.`);
  card.append(quote, who, against);
  return card;
}
