/**
 * The amounts the courts imposed on the trust, grouped by prosecution. A row
 * whose amount equals the sum of the others in its prosecution is their stated
 * total, not another amount, so it is never counted twice.
 */
/** The columns of a finding that say whether it is an amount, and of which prosecution. */
type FineFields = {theme: unknown; unit: unknown; value: number | null; event: unknown};

/** A finding that states an amount. */
export type Amount<T extends FineFields> = T & {value: number};

export function isStatedTotal<T extends {value: number}>(row: T, group: T[]): boolean {
  const others = group.filter((r) => r !== row);
  return others.length >= 2 && others.reduce((sum, r) => sum + r.value, 0) === row.value;
}

function isAmount<T extends FineFields>(finding: T): finding is Amount<T> {
  return finding.theme === "fine" && finding.unit === "GBP" && finding.value !== null;
}

/** Findings that state an amount in pounds, by the prosecution (event) they belong to. */
export function fineGroups<T extends FineFields>(findings: T[]): Amount<T>[][] {
  const amounts = findings.filter(isAmount);
  return [...new Set(amounts.map((f) => f.event))].map((event) => amounts.filter((f) => f.event === event));
}
