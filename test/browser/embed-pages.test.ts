/** Every embed page of the export passes the checks of every page (test/browser/page-checks.ts). */
import {checkPages} from "./page-checks.js";

checkPages((path) => path.startsWith("/embed/"));
