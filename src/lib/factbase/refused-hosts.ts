/**
 * Sites whose pages may not lead a record, whatever they copy: copied
 * encyclopaedias, content farms that scrape news and documents, and
 * machine-translated mirrors. A copy there may still be listed as a further
 * source or as the other side of a disagreement (where its kind already marks
 * it as a copy), but a record rests on the original or on another source.
 * Matched by host name and its subdomains.
 */
export const REFUSED_HOSTS: Record<string, string> = {
  "profilpelajar.com": "a copied encyclopaedia (Wikipedia articles re-served)",
  "library.nullify.net": "a copied encyclopaedia (an offline Wikipedia)",
  "goodnames.eth.limo": "a copied encyclopaedia (an old Wikipedia snapshot)",
  "healthmedicinet.com": "a content farm re-serving BBC News articles",
  "masterjvbp.com": "a content farm re-serving BBC News articles",
  "bbctodays.pages.dev": "a content farm re-serving BBC pages",
  "subsaga.com": "a content farm re-serving broadcast subtitles",
  "fdocuments.us": "a content farm re-serving documents",
  "vdocuments.mx": "a content farm re-serving documents",
  "studylib.net": "a content farm re-serving documents",
  "paperzz.com": "a content farm re-serving documents",
  "readkong.com": "a content farm re-serving documents",
  "careersdocbox.com": "a content farm re-serving documents",
  "specialist-online-dictionary.com": "a machine-generated news mirror"
};

/** Why a URL's host may not lead a record, or null when it may. */
export function refusedHost(url: string): {host: string; reason: string} | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  for (const [refused, reason] of Object.entries(REFUSED_HOSTS)) {
    if (host === refused || host.endsWith(`.${refused}`)) return {host: refused, reason};
  }
  return null;
}
