/**
 * Data that never leaves: the last step puts each page's Content-Security-Policy
 * (scripts/export/content-security-policy.ts) into it, with the hashes of its inline
 * scripts as the page will be served, and adds the hosts' `_headers` file.
 * It runs last because every step before it may write an inline script.
 */
import {headersFile, uncoveredCode, withPolicy} from "../export/content-security-policy.js";
import {openPage, serialisePage} from "./document.js";
import type {Step} from "./step.js";

export const contentSecurityPolicy: Step = {
  name: "content security policy",
  purpose: "states, in each page, a policy that lets it connect, load and submit only to its own origin and run only the inline scripts hashed here; writes `_headers` for hosts",
  scope: "every page, embeds included",
  appliesTo: () => true,
  transform(document, page, build) {
    // The policy is computed from the page as it will be written, and the page then takes the policy's <meta>.
    const secured = openPage(withPolicy(serialisePage(document), page.file));
    document.documentElement.replaceWith(document.importNode(secured.documentElement, true));
    build.files.set("_headers", headersFile());
    return 1;
  },
  check(document) {
    const uncovered = uncoveredCode(serialisePage(document));
    return uncovered.length ? `inline code the policy does not allow: ${uncovered.map((c) => c.where).join("; ")}` : null;
  }
};
