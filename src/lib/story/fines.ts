/**
 * The amounts the courts imposed on the trust, grouped by prosecution. A row
 * whose amount equals the sum of the others in its prosecution is their stated
 * total, not another amount, so it is never counted twice.
 */
import type {Row} from "../factbase/datapackage.js";

/** The columns of a finding that say whether it is an amount, and of which prosecution. */
type FineFields = {theme: unknown; unit: unknown; value: unknown; event: unknown};

export function isStatedTotal<T extends Row | {value: unknown}>(row: T, group: T[]): boolean {
  const others = group.filter((r) => r !== row);
  return others.length >= 2 && others.reduce((sum, r) => sum + (r.value as number), 0) === row.value;
}

/** Findings that state an amount in pounds, by the prosecution (event) they belong to. */
export function fineGroups<T extends Row | FineFields>(findings: T[]): T[][] {
  const amounts = findings.filter((f) => f.theme === "fine" && f.unit === "GBP" && f.value !== null);
  return [...new Set(amounts.map((f) => f.event))].map((event) => amounts.filter((f) => f.event === event));
}
