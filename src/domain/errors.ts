// Domain errors carry a stable id; one place (the CLI, later the HTTP error handler) turns them
// into a message and an exit code or a status.

export class DomainError extends Error {
  constructor(
    /** Stable id: "unit.csv_invalid", "import.not_a_plan" … */
    readonly id: string,
    message: string,
    /** Per-field problems: `{ line: 3, field: "kind", reason: "…" }`. */
    readonly details: ReadonlyArray<{ line?: number; field?: string; reason: string }> = [],
  ) {
    super(message);
    this.name = "DomainError";
  }
}
