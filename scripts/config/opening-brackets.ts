/**
 * An opening bracket is never left at the end of a line apart from the figure
 * it opens ("Ulysses (" then "14.1%)" on the next line). A figure in prose is
 * an inline expression whose output is a button (src/components/prose/fact.ts),
 * and browsers may break a line on either side of a button even after "(",
 * which would otherwise hold on to what follows it. So, in every page's
 * Markdown, an opening bracket directly before an inline expression is wrapped
 * with the expression's place in a span that does not wrap there (src/style.css,
 * `.bracket-join`). The span is in the page as Framework writes it: the live
 * output and the output drawn at build for JavaScript off both land inside it.
 */
import {at} from "../../src/lib/story/checked-lookups.js";

/** The parts of markdown-it's token and parser this plugin uses. */
interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}
interface CoreState {
  tokens: Token[];
  Token: new (type: string, tag: string, nesting: number) => Token;
}
export interface MarkdownParser {
  core: {ruler: {push(name: string, rule: (state: CoreState) => void): void}};
}

export const BRACKET_JOIN = "bracket-join";
const OPENING = /[([]$/;

/** Whether the token ends with an opening bracket in the page's text (not inside a tag of an HTML block). */
function endsWithOpeningBracket(token: Token): boolean {
  if (!OPENING.test(token.content)) return false;
  if (token.type === "text") return true;
  // Framework splits an HTML block around its inline expressions into html_block pieces.
  return token.type === "html_block" && token.content.lastIndexOf("<") <= token.content.lastIndexOf(">");
}

function joinBrackets(children: Token[], Token: CoreState["Token"]): Token[] {
  const html = (content: string) => Object.assign(new Token("html_inline", "", 0), {content});
  const joined: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const token = at(children, i, "the inline tokens");
    const next = children[i + 1];
    if (next?.type !== "placeholder" || !endsWithOpeningBracket(token)) {
      joined.push(token);
      continue;
    }
    const bracket = token.content.slice(-1);
    token.content = token.content.slice(0, -1);
    if (token.content) joined.push(token);
    // The bracket as the text it was (escaped as text, or written as it was in an HTML block).
    const opening = Object.assign(new Token(token.type === "text" ? "text" : "html_inline", "", 0), {content: bracket});
    joined.push(html(`<span class="${BRACKET_JOIN}">`), opening, next, html("</span>"));
    i++;
  }
  return joined;
}

/** The markdown-it plugin (observablehq.config.ts: `markdownIt: (md) => md.use(openingBrackets)`). */
export function openingBrackets(md: MarkdownParser): void {
  // After Framework's own rule, which turns HTML blocks with expressions into inline tokens.
  md.core.ruler.push("opening-brackets", (state) => {
    for (const block of state.tokens) {
      if (block.type === "inline" && block.children) block.children = joinBrackets(block.children, state.Token);
    }
  });
}
