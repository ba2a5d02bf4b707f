/** The trust's response: each claim attributed, beside the figure it disputes. */
import {figureById} from "../../lib/story/checked-lookups.js";
import type {Figure} from "../../lib/story/figures.js";
import type {Sourced} from "../../lib/story/story.js";
import {dateOf, fact, labelOf, sourceLink, statusBadge} from "./fact.js";
import {lowerFirst} from "../../lib/story/format.js";
import {element} from "../dom.js";

export function ClaimCard(claim: Sourced<"claims">, figures: Record<string, Figure>): HTMLElement {
  const card = element("div", "card claim");
  const quote = element("blockquote", "", claim.quote);
  quote.dataset.sourced = "";
  const who = element("p", "claim-attribution");
  who.append(`— ${claim.claimant}, `, dateOf(claim), ", as reported by ", sourceLink(claim.source));
  const badge = statusBadge(claim.status);
  if (badge) who.append(" ", badge);
  if (claim.disputes === null) throw new Error(`the claim '${claim.claim_id}' disputes no figure`);
  const disputed = figureById(figures, claim.disputes);
  const against = element("p", "claim-against");
  against.append("The figure it answers: ", fact(disputed), " — ", labelOf(disputed, lowerFirst(disputed.label)), ".");
  card.append(quote, who, against);
  return card;
}
