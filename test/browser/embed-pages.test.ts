/** Every embed page of the export passes the checks of every page (test/browser/page-checks.ts). */
import {siteSession} from "../helpers/session.js";
import {checkPages} from "./page-checks.js";

checkPages(siteSession(), (path) => path.startsWith("/embed/"));
